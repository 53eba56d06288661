// Figures as exact decimal text: an amount is never held as a binary floating-point number, so that
// every figure shown or exported is the ledger's to the last 分 and a change of unit is exact.

/** Parses the API's JSON keeping every decimal and every large integer as the text it was sent as. */
export function parseExact(text) {
  return JSON.parse(text, (key, value, context) => {
    if (typeof value === 'number' && context && context.source !== undefined
        && (!Number.isSafeInteger(value) || /[.eE]/.test(context.source))) {
      return context.source;
    }
    return value;
  });
}

const PLACES = { YUAN: 0, WAN: 4, YI: 8 };

/** The amount in 元, as text, in another unit: the decimal point moved, nothing rounded. */
export function inUnit(yuan, unit) {
  return shift(String(yuan), PLACES[unit] ?? 0);
}

/** The decimal divided by 10^places (multiplied, for negative places), exactly, without trailing zeros. */
export function shift(text, places) {
  let sign = '';
  let digits = text.trim();
  if (digits.startsWith('-')) {
    sign = '-';
    digits = digits.slice(1);
  }
  let [whole, fraction = ''] = digits.split('.');
  if (places >= 0) {
    whole = whole.padStart(places + 1, '0');
    fraction = whole.slice(whole.length - places) + fraction;
    whole = whole.slice(0, whole.length - places);
  }
  else {
    fraction = fraction.padEnd(-places, '0');
    whole += fraction.slice(0, -places);
    fraction = fraction.slice(-places);
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  fraction = fraction.replace(/0+$/, '');
  const result = fraction ? `${whole}.${fraction}` : whole;
  return (sign && /[1-9]/.test(result)) ? sign + result : result;
}

/** The decimal with grouping separators in its whole part (1,234,567.89), for reading. */
export function grouped(text) {
  if (text === null || text === undefined || text === '') {
    return '';
  }
  const [whole, fraction] = String(text).split('.');
  const signed = whole.startsWith('-');
  const digits = signed ? whole.slice(1) : whole;
  const withCommas = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (signed ? '-' : '') + withCommas + (fraction !== undefined ? '.' + fraction : '');
}

/** The exact sum of decimals given as text. */
export function sum(texts) {
  let scale = 0;
  for (const text of texts) {
    scale = Math.max(scale, (String(text).split('.')[1] || '').length);
  }
  let total = 0n;
  for (const text of texts) {
    const [whole, fraction = ''] = String(text).split('.');
    const negative = whole.startsWith('-');
    const units = BigInt((negative ? whole.slice(1) : whole) + fraction.padEnd(scale, '0'));
    total += negative ? -units : units;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const text = scale ? `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}` : digits;
  return (negative ? '-' : '') + text;
}

/** A figure for a chart's drawing only (never shown as text, never exported). */
export function approximately(text) {
  return Number(text);
}

/** A ratio (0.8750) as a percent with the digits it has (87.5). */
export function percent(ratio) {
  return (ratio === null || ratio === undefined) ? null : shift(String(ratio), -2);
}
