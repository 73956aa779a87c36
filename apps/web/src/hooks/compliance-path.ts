/**
 * The address of a district's supervision calendar. The span's ends are typed by the user: encoded, so that
 * what was typed (`201201&to=201203`, `201203#`) is one parameter's value for the API to judge, never more
 * parameters or a fragment cut off the address.
 */

/** A month as the API takes it (YYYYMM): the page asks for no span it knows the API would refuse. */
export const isMonth = (value: string) => /^\d{4}(0[1-9]|1[0-2])$/.test(value);

export const compliancePath = (district: string, from: string, to: string) =>
  `/supervision/${encodeURIComponent(district)}/compliance?${new URLSearchParams({ from, to })}`;
