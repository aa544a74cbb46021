export { DEFAULT_HEAP_GROWING_PERCENT, limitHeapGrowth } from './heap-growth';
export { createWorkTracker, type DrainResult, type WorkTracker } from './work-tracker';
