// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
      /** The API's error code, when the error came from the API. */
      code?: string;
    }
  }
  /** The build date, `YYYY-MM-DD` (vite.config.ts): the footer's "last updated". */
  const __LAST_UPDATED__: string;
}

export {};
