import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The board's files go to dist/public; the static server (src/server, built to dist/main.js)
// serves them, so `npm start`'s launcher runs the package like any service. `.mts`: Vite loads it
// as the ES module it is (the package is CommonJS for its server).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/public',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { host: '127.0.0.1', port: 5173 },
});
