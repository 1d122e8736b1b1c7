// The console's build and dev server. In dev, `vite` proxies the API to a running `yibao serve`
// (YIBAO_API, default http://127.0.0.1:8080), so the console is always fed by the real service.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env['YIBAO_API'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  // Served by the service at `/`; absolute asset paths keep deep links (/settlements/…) working.
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd and echarts are large by nature; the warning would only be noise.
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': api,
      '/docs': api,
      '/healthz': api,
    },
  },
});
