import { defineConfig } from "vitest/config";

// Browser journeys: each file starts the built server on its own port with a
// fresh embedded database and demo data, then drives Debian's Chromium.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 2,
    fileParallelism: true,
  },
});
