import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The renderer bundle (React + zustand), served by `express-report serve` and loaded by the Electron window. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
});
