/** The center's answer to a report frame, read off the line: its ACK or NAK frame, or a line of text that came instead. */
import { FRAME_MAGIC, type Frame, type FrameDecoder } from './codec.js';
import { lineStep, type Step } from './step.js';

export type Answer = { frame: Frame } | { modem: string };

/**
 * Between frames a modem line can come instead (`\r\nNO CARRIER\r\n` when the line drops): a frame starts with its
 * magic, a whole line before it is read as the modem's. CR and LF before a frame (the tail of `CONNECT ...\r\n`) are
 * skipped, and so is line noise that is neither: it must not hide the ACK behind it (a lost ACK means a second call).
 */
export function answerStep(decoder: FrameDecoder): Step<Answer> {
  let fed = 0; // bytes of the growing receive buffer already handed to the decoder
  return (b) => {
    if (fed === 0) {
      let k = 0;
      while (k < b.length && (b[k] === 0x0d || b[k] === 0x0a)) k++;
      if (k === b.length) return undefined;
      const n = Math.min(FRAME_MAGIC.length, b.length - k);
      // A line may start with the magic's first letters ("ERROR"): only bytes that agree with all of it start a frame.
      if (!b.subarray(k, k + n).equals(FRAME_MAGIC.subarray(0, n))) {
        const magic = b.indexOf(FRAME_MAGIC, k);
        const l = lineStep(b);
        if (l && (magic < 0 || l.used <= magic)) return { value: { modem: l.value }, used: l.used };
        if (magic < 0) return undefined;
        k = magic;
      } else if (n < FRAME_MAGIC.length) return undefined; // "E", "ER", "ERP": the next bytes tell a frame from a line
      fed = k;
    }
    decoder.feed(b.subarray(fed));
    fed = b.length;
    const f = decoder.next();
    if (!f) return undefined;
    fed = 0;
    return { value: { frame: f }, used: b.length };
  };
}
