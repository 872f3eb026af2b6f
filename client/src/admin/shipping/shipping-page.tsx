import { useState } from "react";
import { usePageTitle } from "../../components/page-title";
import { useAdminShippingQuery } from "../../graphql/op.AdminShipping";
import { apiError } from "../../lib/errors";
import { TaxRates } from "./tax-rates";
import { ZoneEditor } from "./zone-editor";
import { problemMessage } from "../../lib/messages";

/** Where the shop ships and at what rates (by zone), and the tax it charges (by country and region). */
export function ShippingPage() {
  usePageTitle("Shipping & tax");
  const { data, loading, error } = useAdminShippingQuery({ fetchPolicy: "cache-and-network" });
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const currency = data?.shop.currency ?? "";

  if (!data) {
    return (
      <section>
        <h1>Shipping &amp; tax</h1>
        {loading ? (
          <p role="status">Loading…</p>
        ) : (
          <p className="error" role="alert">
            {problemMessage(apiError(error)!)}
          </p>
        )}
      </section>
    );
  }

  return (
    <section>
      <h1>Shipping &amp; tax</h1>
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <h2>Shipping zones</h2>
      <p className="muted">
        A shopper's address picks the zone that names its country, or else the zone for everywhere else (*); without one, the shop doesn't
        ship there. The shopper then chooses among the zone's rates.
      </p>
      {data.shippingZones.map((zone) => (
        <ZoneEditor key={zone.id} zone={zone} currency={currency} onDeleted={(name) => setNotice(`Deleted the zone ${name}.`)} />
      ))}
      {adding ? (
        <ZoneEditor
          zone={null}
          currency={currency}
          onCreated={(name) => {
            setAdding(false);
            setNotice(`Created the zone ${name}.`);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button
          type="button"
          onClick={() => {
            setNotice(null);
            setAdding(true);
          }}
        >
          Add zone
        </button>
      )}

      <h2>Tax rates</h2>
      <p className="muted" id="tax-setting">
        Whether prices include tax (“Prices include tax”) or tax is added at checkout (“Tax is added at checkout”) is a store setting,
        PRICES_INCLUDE_TAX, made where the shop is installed; it can't be changed here.
      </p>
      <TaxRates rates={data.taxRates} />
    </section>
  );
}
