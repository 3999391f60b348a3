/** Absolute path of the built screen (`vite build` output), for the server to serve. */
export declare const screenDistDir: string;
