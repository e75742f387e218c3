import { useEffect, useState } from 'preact/hooks';

import type * as LiveKitModule from './live-kit';

export type LiveKit = typeof LiveKitModule;

let loading: Promise<LiveKit> | null = null;

export function loadLiveKit(): Promise<LiveKit> {
  loading ??= import('./live-kit');
  return loading;
}

/** The live-audit kit once loaded (null until then). */
export function useLiveKit(): LiveKit | null {
  const [kit, setKit] = useState<LiveKit | null>(null);
  useEffect(() => {
    let live = true;
    void loadLiveKit().then((loaded) => live && setKit(loaded));
    return () => {
      live = false;
    };
  }, []);
  return kit;
}
