import { Router } from "express";
import { DEMO_PRODUCTS, type DemoProduct, type DemoShape } from "./demo-catalog";

// Simple drawings per kind of product, in a 400x400 box; filled with the product's colour.
const SHAPES: Record<DemoShape, string> = {
  teapot:
    '<path d="M120 180 Q200 90 280 180 L290 270 Q200 320 110 270 Z"/><path d="M285 200 Q345 170 340 130" fill="none" stroke="C" stroke-width="18" stroke-linecap="round"/><path d="M115 205 Q70 210 78 250 Q90 285 120 260" fill="none" stroke="C" stroke-width="16"/><rect x="185" y="112" width="30" height="22" rx="8"/>',
  mug: '<rect x="120" y="130" width="150" height="170" rx="18"/><path d="M270 170 Q330 170 330 215 Q330 260 270 260" fill="none" stroke="C" stroke-width="20"/>',
  bowl: '<path d="M90 190 L310 190 Q300 300 200 305 Q100 300 90 190 Z"/><ellipse cx="200" cy="190" rx="110" ry="22" fill-opacity="0.6"/>',
  plate: '<circle cx="200" cy="215" r="125"/><circle cx="200" cy="215" r="85" fill="#fff" fill-opacity="0.25"/>',
  jar: '<rect x="130" y="150" width="140" height="160" rx="30"/><rect x="145" y="115" width="110" height="40" rx="10" fill-opacity="0.7"/>',
  vase: '<path d="M170 100 L230 100 L225 150 Q300 210 260 300 L140 300 Q100 210 175 150 Z"/>',
  candle: '<rect x="140" y="170" width="120" height="140" rx="12"/><path d="M200 120 Q215 145 200 160 Q185 145 200 120 Z" fill="#f5b400"/>',
  board: '<rect x="90" y="150" width="220" height="140" rx="22"/><circle cx="285" cy="175" r="10" fill="#fff"/>',
  kettle:
    '<path d="M120 300 L140 170 Q200 140 260 170 L280 300 Z"/><path d="M150 170 Q200 80 250 170" fill="none" stroke="C" stroke-width="14"/><path d="M275 230 L340 170" stroke="C" stroke-width="16" stroke-linecap="round"/>',
  tee: '<path d="M140 110 L110 120 L70 170 L110 195 L130 175 L130 310 L270 310 L270 175 L290 195 L330 170 L290 120 L260 110 Q200 150 140 110 Z"/>',
  apron:
    '<path d="M160 110 L240 110 L245 170 L300 190 L285 320 L115 320 L100 190 L155 170 Z"/><rect x="165" y="230" width="70" height="45" rx="6" fill="#fff" fill-opacity="0.3"/>',
  tin: '<rect x="135" y="130" width="130" height="180" rx="10"/><rect x="128" y="115" width="144" height="30" rx="6" fill-opacity="0.75"/><rect x="150" y="190" width="100" height="60" rx="6" fill="#fff" fill-opacity="0.8"/>',
};

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Draws a product's demo picture (the object alone: the page names it); view 2 is a close-up on a darker ground; a hue draws view 1 in that colour. */
export function demoImageSvg(product: DemoProduct, view: 1 | 2, hue = product.hue): string {
  const colour = `hsl(${hue} 55% ${view === 1 ? 45 : 38}%)`;
  const ground = `hsl(${hue} 40% ${view === 1 ? 94 : 84}%)`;
  const shape = SHAPES[product.shape].replaceAll('"C"', `"${colour}"`);
  const transform = view === 1 ? "" : ' transform="translate(200 215) scale(1.25) rotate(-8) translate(-200 -215)"';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img" aria-label="${escapeXml(product.name)}">
<rect width="400" height="400" fill="${ground}"/>
<ellipse cx="200" cy="330" rx="130" ry="16" fill="#000" fill-opacity="0.08"/>
<g fill="${colour}"${transform}>${shape}</g>
</svg>`;
}

/** Serves /media/demo/<sku>-<1|2>.svg, drawn on the fly: nothing to download or store. */
export function demoImageRouter(): Router {
  const bySku = new Map(DEMO_PRODUCTS.map((d) => [d.sku.toLowerCase(), d]));
  const router = Router();
  router.get("/:file", (req, res) => {
    const match = /^(.+)-([12]|h\d{1,3})\.svg$/.exec(req.params.file);
    const product = match && bySku.get(match[1]);
    if (!match || !product) return res.status(404).type("text").send("No such image");
    const hue = match[2].startsWith("h") ? Number(match[2].slice(1)) % 360 : undefined;
    res
      .type("image/svg+xml")
      .set("Cache-Control", "public, max-age=86400")
      .send(demoImageSvg(product, hue === undefined ? (Number(match[2]) as 1 | 2) : 1, hue));
  });
  return router;
}
