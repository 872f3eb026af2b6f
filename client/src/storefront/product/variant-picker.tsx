import { valueState, type Choice, type Choosable, type ValueState } from "./variant-choice";

const NOTE: Record<ValueState, string | null> = { available: null, "sold-out": "sold out", unavailable: "not available" };

/**
 * One radio group per option (Size: S M L). Every value stays choosable; one whose combination with the other
 * choices is sold out or not sold says so beside it (and as the radio's description).
 */
export function VariantPicker({
  product,
  choice,
  onChoose,
}: {
  product: Choosable;
  choice: Choice;
  onChoose: (index: number, value: string) => void;
}) {
  return (
    <div className="variant-picker">
      {product.options.map((option, i) => (
        <fieldset key={option.name} className="option-group">
          <legend>{option.name}</legend>
          <div className="option-values">
            {option.values.map((value, j) => {
              const state = valueState(product, choice, i, value);
              const id = `option-${i}-${j}`;
              return (
                <div key={value} className={`option-value option-${state}`}>
                  <input
                    id={id}
                    type="radio"
                    name={`option-${i}`}
                    value={value}
                    checked={choice[i] === value}
                    onChange={() => onChoose(i, value)}
                    aria-describedby={NOTE[state] ? `${id}-note` : undefined}
                  />
                  <label htmlFor={id}>{value}</label>
                  {NOTE[state] && (
                    <span className="option-note" id={`${id}-note`}>
                      {NOTE[state]}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
