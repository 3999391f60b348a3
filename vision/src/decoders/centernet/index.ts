export { CENTERNET_ROW, decodeCenternet } from "./decode-centernet.ts";
