import type { TrafficClass } from "@citybrain/datasets";

/** COCO labels the traffic stream counts, under the stream's own class names. */
const COCO_TO_TRAFFIC: Readonly<Record<string, TrafficClass>> = {
  person: "person",
  bicycle: "bicycle",
  car: "car",
  motorcycle: "motorcycle",
  // Some exports spell it the VOC way.
  motorbike: "motorcycle",
  bus: "bus",
  truck: "truck",
};

/** The traffic class of a detector label, or `undefined` for objects the stream does not count (dogs, benches…). */
export function trafficClassOf(label: string): TrafficClass | undefined {
  return COCO_TO_TRAFFIC[label];
}

/** Motor vehicles: what no-vehicle and stopped-vehicle rules watch by default. */
export const VEHICLE_CLASSES: readonly TrafficClass[] = ["car", "bus", "truck", "motorcycle"];

/** Chinese names used in alert messages. */
export const TRAFFIC_CLASS_ZH: Readonly<Record<TrafficClass, string>> = {
  car: "小汽车",
  bus: "客车",
  truck: "货车",
  motorcycle: "摩托车",
  bicycle: "自行车",
  person: "行人",
};
