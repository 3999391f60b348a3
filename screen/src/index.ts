// Node-side entry of @citybrain/screen: where the built app lives, for the server.
export { screenDistDir } from "../dist-path.js";
