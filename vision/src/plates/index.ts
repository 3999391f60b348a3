export { cameraPlateReader } from "./camera-plate-reader.ts";
export type { CameraPlateReaderOptions } from "./camera-plate-reader.ts";
export { cropVehicle } from "./crop-vehicle.ts";
export type { VehicleCrop } from "./crop-vehicle.ts";
export {
  PLATE_RULE_ID,
  plateAlertId,
  plateAlertMessage,
  plateAlertRow,
  plateEvidenceScene,
} from "./plate-alert.ts";
export { plateFromLines } from "./plate-from-lines.ts";
export type { PlateCandidate } from "./plate-from-lines.ts";
export type { PlateRead, PlateReaderStats } from "./plate-read.ts";
export { PlateReader } from "./plate-reader.ts";
export type { PlateReaderOptions } from "./plate-reader.ts";
