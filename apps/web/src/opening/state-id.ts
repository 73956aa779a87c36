/** The id of the `<script type="application/json">` that carries a rendered opening's state (state.ts). */
export const OPENING_STATE_ID = 'opening-state';
