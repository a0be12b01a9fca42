import type { Channel, Sentiment } from '../ingest/types.js';
import { MENTIONS, NOTES, SHOP, SHOP_HANDLE, VOICE } from './phrases.js';
import { type Rng, pick } from './random.js';

/** What a template may name. */
export interface TextContext {
  first: string;
  product: string;
  invoice: string;
  plan: string;
  days: number;
  other?: string;
}

/** Staff replies; their own gold label follows their tone, not the customer's. */
export const REPLIES: Record<Sentiment, readonly [string, Sentiment]> = {
  positive: ['Thank you {first}, that made our day!', 'positive'],
  neutral: ['Hi {first}, thanks for getting in touch. I have looked into it and emailed you the details.', 'neutral'],
  negative: ['Hi {first}, I am so sorry about this. I have escalated it and will update you within a day.', 'neutral'],
};

/** Harmless markup in untrusted text, so downstream rendering is tested for escaping. */
export const MARKUP: readonly (readonly [string, Sentiment])[] = [
  ['The mug is <b>great</b>, thank you!', 'positive'],
  ['<script>alert("hi")</script> is what your checkout page showed me', 'negative'],
  ['Loved it <3 <i>would buy again</i>', 'positive'],
  ['My order page says <img src=x onerror=alert(1)> instead of the product name', 'negative'],
  ['Price shown as <£10> but I was charged £18 <br> please check', 'negative'],
  ['Can I pay through <a href="javascript:alert(1)">this link</a>?', 'neutral'],
  ['Tracking says </td></tr> delivered & "signed" — where is it?', 'neutral'],
  ['<marquee>Best shop ever</marquee>', 'positive'],
];

const EMOJI: Record<Sentiment, readonly string[]> = {
  positive: ['', '', ' 😍', ' 🙌', ' ❤️'],
  neutral: ['', '', ' 🤔'],
  negative: ['', '', ' 😡', ' 👎'],
};
const SUBJECTS: Record<Sentiment, readonly string[]> = {
  positive: ['Thank you!', 'Lovely order', 'Just wanted to say'],
  neutral: ['Question about my order', 'Quick question', 'Order {invoice}'],
  negative: ['Complaint: order {invoice}', 'Very disappointed', 'Refund request'],
};
const GREETINGS = ['hi, ', 'hello! ', 'hey - ', '', 'good morning, '];
const SIGN_OFFS = ['Best', 'Thanks', 'Kind regards', 'Cheers'];

export function fill(template: string, ctx: TextContext): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) =>
    key === 'shop' ? SHOP : String(ctx[key as keyof TextContext] ?? ''),
  );
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const sentence = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

/** The text of an interaction, in the voice its channel calls for. */
export function interactionText(channel: Channel, sentiment: Sentiment, ctx: TextContext, rng: Rng): string {
  switch (channel) {
    case 'social':
      return [
        capitalise(fill(pick(rng, VOICE[sentiment]), ctx)),
        pick(rng, ['', ` ${SHOP_HANDLE}`, ' #larkspurhome']),
        pick(rng, EMOJI[sentiment]),
      ].join('');
    case 'email':
      return [
        `Subject: ${fill(pick(rng, SUBJECTS[sentiment]), ctx)}`,
        '',
        `Hello ${SHOP} team,`,
        '',
        sentence(capitalise(fill(pick(rng, VOICE[sentiment]), ctx))),
        '',
        `${pick(rng, SIGN_OFFS)},`,
        ctx.first,
      ].join('\n');
    case 'chat':
      return `${pick(rng, GREETINGS)}${fill(pick(rng, VOICE[sentiment]), ctx)}`;
    case 'review':
      return sentence(capitalise(fill(pick(rng, VOICE[sentiment]), ctx)));
    case 'call':
      return `Call with ${ctx.first}: ${fill(pick(rng, NOTES[sentiment]), ctx)}`;
    case 'meeting':
      return `Meeting notes (${ctx.first}): ${fill(pick(rng, NOTES[sentiment]), ctx)}`;
    case 'note':
      return fill(pick(rng, NOTES[sentiment]), ctx);
  }
}

/** A social post that names another customer by handle. */
export function mentionText(sentiment: Sentiment, ctx: TextContext, rng: Rng): string {
  return `${fill(pick(rng, MENTIONS[sentiment]), ctx)}${pick(rng, EMOJI[sentiment])}`;
}

/** Star rating consistent with a review's sentiment. */
export function ratingOf(sentiment: Sentiment, rng: Rng): number {
  const stars = { positive: [4, 5, 5], neutral: [3, 3, 4], negative: [1, 1, 2] } as const;
  return pick(rng, stars[sentiment]);
}
