/**
 * Whether a typed period is one the API reads (libs/periods: DHIS2's codes): a year `2012`, a half `2012S1`, a
 * quarter `2012Q1`, a bimonth `201201B`, a month `201203`, a range of two of them `201201:201206`, or a list
 * of these joined by `;`. Checked before asking, so that a code typed halfway (`2012Q`) asks nothing.
 */
const ONE = /^\d{4}(?:S[12]|Q[1-4]|0[1-6]B|0[1-9]|1[0-2])?$/;

const isOne = (code: string) => ONE.test(code) || (/^[^:]+:[^:]+$/.test(code) && code.split(':').every((part) => ONE.test(part)));

export const isPeriodCode = (text: string) => text.split(';').every((code) => isOne(code.trim()));
