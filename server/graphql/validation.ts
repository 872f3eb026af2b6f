import { validateSync } from "class-validator";

export interface Problem {
  /** Where: `shippingAddress.postalCode`, `images[0].url`. */
  field: string;
  message: string;
}

interface ClassValidatorError {
  property: string;
  constraints?: Record<string, string>;
  children?: ClassValidatorError[];
}

/**
 * Flattens class-validator's nested errors into `{ field, message }`, array items as `images[0]`: one problem
 * per field (the first rule it breaks), not one per rule ("abc" as a price breaks three).
 */
export function flattenValidation(errors: ClassValidatorError[], prefix = ""): Problem[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    const first = Object.values(e.constraints ?? {})[0];
    return [...(first === undefined ? [] : [{ field, message: first }]), ...flattenValidation(e.children ?? [], field)];
  });
}

/**
 * Checks an input object against its class-validator decorators, as TypeGraphQL does for arguments:
 * for input that comes another way (a CSV or JSON file), so one set of rules serves both.
 */
export function validationProblems(input: object): Problem[] {
  return flattenValidation(validateSync(input, { forbidUnknownValues: false }));
}
