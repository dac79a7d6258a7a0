import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// The C++ server serves dist/: hashed files under /assets/ are cached forever, everything
// else (index.html, manifest, icons) is revalidated. `npm run dev` proxies the API to a
// local `kotacerdas serve` (KC_API, default http://127.0.0.1:8080).
export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    target: 'es2020',
    sourcemap: false,
    emptyOutDir: true,
    // Leaflet's chunk is the largest on purpose (lazy, map page only).
    chunkSizeWarningLimit: 200,
  },
  server: {
    proxy: {
      '/api': process.env.KC_API ?? 'http://127.0.0.1:8080',
      '/open311': process.env.KC_API ?? 'http://127.0.0.1:8080',
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
