import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { ensureCenternetOnnx } from "../convert/ensure-centernet-onnx.ts";
import { fixturePath } from "../testing/fixtures.ts";
import { createWorkerPoolBackend } from "./worker-pool-backend.ts";

describe("createWorkerPoolBackend", () => {
  it("refuses frames beyond maxQueue, naming the camera, and rejects waiting frames on close", async () => {
    const backend = await createWorkerPoolBackend({
      modelPath: (await ensureCenternetOnnx()).path,
      poolSize: 1,
      maxQueue: 1,
    });
    expect(backend.name).toBe("onnxruntime worker pool ×1 (1 thread each)");
    const image = await readFile(fixturePath("dog.jpg"));
    const running = backend.detect({ cameraId: "cam-a", image });
    const waiting = backend.detect({ cameraId: "cam-b", image });
    await expect(backend.detect({ cameraId: "cam-c", image })).rejects.toThrow(
      'camera "cam-c": 1 frames already wait for a detector worker; frame dropped',
    );
    await expect(running).resolves.toMatchObject({ cameraId: "cam-a" });
    const late = backend.detect({ cameraId: "cam-d", image });
    const lateSettled = late.catch((e: Error) => e.message);
    await backend.close();
    await expect(waiting).resolves.toMatchObject({ cameraId: "cam-b" });
    expect(await lateSettled).toMatch(/camera "cam-d": inference backend closed/);
    await expect(backend.detect({ cameraId: "cam-e", image })).rejects.toThrow(
      'camera "cam-e": inference backend is closed',
    );
  });
});
