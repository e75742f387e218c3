/**
 * Content script entry: one classic script in every frame at document_start. It must stay tiny and idle: on load it
 * only registers capture listeners on window, synchronously, so page handlers and editors cannot act first
 * (https://github.com/dfki-dsa/pii-guardrail-browser-extension/issues/25).
 */
import { startGuard } from './guard';

startGuard(window);
