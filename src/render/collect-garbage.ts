import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | undefined;

/**
 * Run a full garbage collection now. Between render batches this keeps the
 * peak memory near what is live instead of letting V8 grow the heap with
 * garbage. Where V8 will not allow it, it does nothing.
 */
export function collectGarbage(): void {
  if (!collect) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = () => undefined;
    }
  }
  collect();
}
