import * as lifecycle from '../../src/lifecycle';
import {
  DEFAULT_IDLE_COLLECT_POLICY,
  DEFAULT_IDLE_GC_SECONDS,
  IdleCollector,
  processPorts,
} from '../../src/lifecycle/idle-collect';
import { createWorkTracker } from '../../src/lifecycle/work-tracker';

describe('src/lifecycle entry point', () => {
  it('exports the idle collector and the work tracker, and nothing else at run time', () => {
    expect(Object.keys(lifecycle).sort()).toEqual([
      'DEFAULT_IDLE_COLLECT_POLICY',
      'DEFAULT_IDLE_GC_SECONDS',
      'IdleCollector',
      'createWorkTracker',
      'processPorts',
    ]);
    expect(lifecycle.IdleCollector).toBe(IdleCollector);
    expect(lifecycle.createWorkTracker).toBe(createWorkTracker);
    expect(lifecycle.processPorts).toBe(processPorts);
    expect(lifecycle.DEFAULT_IDLE_COLLECT_POLICY).toBe(DEFAULT_IDLE_COLLECT_POLICY);
    expect(lifecycle.DEFAULT_IDLE_GC_SECONDS).toBe(DEFAULT_IDLE_GC_SECONDS);
  });
});
