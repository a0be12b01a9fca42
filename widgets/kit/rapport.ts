import { configure, getConfig } from './config.js';

/** The page-wide entry point: `Rapport.configure({ endpoint, getToken, locale, timeoutMs })`. */
export const Rapport = Object.freeze({ configure, getConfig });
