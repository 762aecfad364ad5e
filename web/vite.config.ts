// Vite build of the web UI: `npm run build:web` writes web/dist/, which `wageguard serve
// --web web/dist` serves at / (unknown non-API paths answer index.html, so routes are
// client-side). `npm run dev` runs web/dev/mock.mjs, which uses this config in middleware mode.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: {
        manualChunks: (id) => (id.includes('node_modules/echarts') || id.includes('node_modules/zrender') ? 'charts' : undefined),
      },
    },
  },
});
