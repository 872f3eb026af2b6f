import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openBrowser, screenshot, signIn } from "../helpers/browser";
import { describeEachEngine } from "../helpers/test-server";

jest.setTimeout(180_000);

/** Rows of the uploaded file: megabytes, far over GraphQL's 200 kB body limit, so it goes by the upload route. */
const ROWS = 20_000;

describeEachEngine("the admin's CSV import in Chromium", (server) => {
  const url = (p: string) => `${server().url}${p}`;
  const OWNER = { email: "owner@shop.example", password: "owner password 1" };
  let dir: string;

  beforeAll(async () => {
    await server().app.services.accounts.upsertAdmin(OWNER.email, OWNER.password);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sw-import-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the owner uploads a big CSV: the upload's progress, then Importing…, then the result; a bad file lists its rows", async () => {
    const header = "sku,name,description,price,stock";
    const good = path.join(dir, "catalog.csv");
    fs.writeFileSync(
      good,
      [
        header,
        ...Array.from({ length: ROWS }, (_, i) => `BIG-${i},Cup ${i},"A cup of stoneware, ${"glazed ".repeat(20)}",2.50,${i % 4}`),
      ].join("\r\n"),
    );
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, `${header}\nOK-1,Fine,,1.00,1\nBAD-1,,,abc,1\n`);

    const { page, errors, close } = await openBrowser();
    try {
      await signIn(page, url("/login?next=/admin"), OWNER.email, OWNER.password);
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Import & export" }).click();
      await page.getByRole("heading", { level: 1, name: "Import and export" }).waitFor();

      // The states the screen goes through, as the owner would see them (sampled at every change of the status).
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { seen: string[] }).seen = seen;
        const status = document.querySelector('[role="status"]')!;
        new MutationObserver(() => {
          const progress = status.querySelector("progress");
          seen.push(progress ? `progress ${progress.value}/${progress.max}` : (status.textContent ?? ""));
        }).observe(status, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await page.getByLabel("CSV file").setInputFiles(good);
      await page.getByRole("button", { name: "Import", exact: true }).click();
      await page.getByText(`Imported: ${ROWS.toLocaleString("en")} created, 0 updated.`).waitFor({ timeout: 120_000 });
      const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
      expect(seen.some((s) => s.startsWith("progress "))).toBe(true);
      expect(seen.some((s) => s.startsWith("Importing…"))).toBe(true);
      expect(seen.findIndex((s) => s.startsWith("Importing…"))).toBeGreaterThan(seen.findIndex((s) => s.startsWith("progress ")));
      const [{ n }] = await server().dataSource.query(`SELECT COUNT(*) AS n FROM product WHERE sku LIKE 'BIG-%'`);
      expect(Number(n)).toBe(ROWS);
      await screenshot(page, `catalog-import-${server().engine}`);

      await page.getByRole("button", { name: "Clear file" }).click();
      await page.getByLabel("CSV file").setInputFiles(bad);
      await page.getByRole("button", { name: "Import", exact: true }).click();
      const alert = page.getByRole("alert");
      await alert.getByText(/nothing was imported/).waitFor();
      expect(await alert.getByRole("row").count()).toBe(1 + 2); // header, row 3's name and price
      await alert.getByRole("cell", { name: "price", exact: true }).waitFor();
      const [{ m }] = await server().dataSource.query(`SELECT COUNT(*) AS m FROM product WHERE sku = 'OK-1'`);
      expect(Number(m)).toBe(0);
      // The refused file's answer is an HTTP 400, which Chromium logs; nothing else may be.
      expect(errors.filter((e) => !/status of 400 \(Bad Request\)/.test(e))).toEqual([]);
    } finally {
      await close();
    }
  });
});
