import { useCallback, useRef, useState } from 'react';

/** Opus in WebM (Chromium, the Quest browser), Ogg (Firefox), MP4 (Safari): the first the browser can make. */
const preferred = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4'];

/**
 * The browser's microphone through MediaRecorder: start, then stop gives the recording as one Blob
 * (the server trims and converts it). One recording at a time; the microphone is released at stop.
 */
export function useVoiceRecorder() {
  const [recordingKey, setRecordingKey] = useState<string | null>(null);
  const current = useRef<{ recorder: MediaRecorder; stream: MediaStream; chunks: Blob[] } | null>(null);

  const start = useCallback(async (key: string) => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
    const mimeType = preferred.find((t) => MediaRecorder.isTypeSupported(t));
    const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => {
      if (e.data.size > 0) chunks.push(e.data);
    };
    recorder.start();
    current.current = { recorder, stream, chunks };
    setRecordingKey(key);
  }, []);

  const stop = useCallback(
    () =>
      new Promise<Blob | null>((resolve) => {
        const c = current.current;
        current.current = null;
        setRecordingKey(null);
        if (!c) return resolve(null);
        c.recorder.onstop = () => {
          for (const track of c.stream.getTracks()) track.stop();
          resolve(new Blob(c.chunks, { type: c.recorder.mimeType || 'audio/webm' }));
        };
        c.recorder.stop();
      }),
    [],
  );

  return { recordingKey, start, stop };
}
