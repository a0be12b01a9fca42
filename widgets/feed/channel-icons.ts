import { svg } from 'lit';

// 16×16 strokes, drawn by us: nothing here comes from data.
const PATHS: Record<string, string> = {
  social: 'M2 3h12v8H7l-3 3v-3H2z',
  email: 'M2 4h12v8H2zM2 4l6 5 6-5',
  chat: 'M1 2h9v6H5l-2 2V8H1zM12 6h3v6h-2v2l-2-2H7v-2',
  call: 'M4 2l2 3-1.5 1.5a8 8 0 0 0 5 5L11 10l3 2-1 2.5C7 14 2 9 1.5 3z',
  meeting: 'M5 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM11 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM1 13c0-3 2-5 4-5s4 2 4 5M7 13c0-3 2-5 4-5s4 2 4 5',
  note: 'M3 1h7l3 3v11H3zM10 1v3h3M5 8h6M5 11h6',
  review: 'M8 1.5l2 4.3 4.6.5-3.4 3.1 1 4.6L8 11.6 3.8 14l1-4.6L1.4 6.3 6 5.8z',
};

export const CHANNEL_LABELS: Record<string, string> = {
  social: 'Social', email: 'Email', chat: 'Chat', call: 'Call', meeting: 'Meeting', note: 'Note', review: 'Review',
};

export function channelIcon(channel: string) {
  const d = PATHS[channel] ?? PATHS.note!;
  return svg`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d=${d}></path></svg>`;
}
