/** Absolute path of the built screen (`vite build` output), for the server to serve. */
export const screenDistDir = new URL("./dist/", import.meta.url).pathname;
