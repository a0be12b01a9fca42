import type { Sentiment } from '../ingest/types.js';

/**
 * What customers and staff say, by sentiment. Slots: {product} {invoice} {days} {plan} {other}.
 * `voice` is the customer speaking (social, email, chat, review); `notes` is staff writing about them
 * (call, meeting, note); `mentions` speak to another customer on social.
 */
export const SHOP = 'Larkspur Home';
export const SHOP_HANDLE = '@larkspurhome';

export const VOICE: Record<Sentiment, readonly string[]> = {
  positive: [
    'the {product} arrived early and looks even better than the photos',
    'really happy with the {product}, already ordered another one',
    'your support team sorted my question in minutes, thank you',
    'love the {product}! great quality for the price',
    'delivery was quick and the packaging was lovely',
    'the {product} was a perfect gift, my sister adored it',
    'best shop I have found this year, I keep recommending you to friends',
    'the {plan} plan is worth every penny, free delivery pays for itself',
    'thanks for the handwritten note in my parcel, such a nice touch',
  ],
  neutral: [
    'can you tell me when the {product} will be back in stock?',
    'I would like to change the delivery address on order {invoice}',
    'does the {product} come in another colour?',
    'please send me a VAT invoice for order {invoice}',
    'what are your delivery times over the holidays?',
    'how do I update the card on my {plan} plan?',
    'is there a discount if I order ten or more of the {product}?',
    'I placed order {invoice} yesterday, just checking it went through',
    'are the {product} dishwasher safe?',
  ],
  negative: [
    'my {product} arrived broken and nobody has replied in {days} days',
    'order {invoice} is {days} days late, this is really disappointing',
    'the {product} looks nothing like the photos, I want a refund',
    'I was charged twice for order {invoice}, please fix this',
    'support keeps closing my ticket without an answer',
    'the quality of the {product} has really gone downhill, very poor',
    'I am cancelling my {plan} plan, the service has been terrible lately',
    'third time asking about my refund for {invoice}, still nothing',
    'the {product} broke after a week. not buying here again',
  ],
};

export const NOTES: Record<Sentiment, readonly string[]> = {
  positive: [
    'Customer very pleased with the {product}; open to upgrading from {plan}.',
    'They praised delivery speed and plan to reorder next month.',
    'Wants to roll the {plan} plan out to the whole office. Sending a quote.',
    'Thanked us for the quick refund on {invoice} and said they will stay.',
    'Strong interest in the new range; asked for the autumn catalogue.',
    'Happy customer, agreed to be a reference and leave a review.',
  ],
  neutral: [
    'Walked through invoice {invoice}; no issues raised.',
    'Asked about bulk pricing for the {product}. Sent the price list.',
    'Quarterly check-in. Ordering steady, no changes planned.',
    'Updated the billing address as requested.',
    'Confirmed the delivery window for order {invoice}.',
    'Discussed {plan} plan features; will decide after the holidays.',
  ],
  negative: [
    'Customer upset: {product} damaged on arrival, second time this quarter.',
    'Escalation: order {invoice} delayed {days} days, customer threatening to leave.',
    'Complained about the price increase; looking at a competitor.',
    'Frustrated with slow support replies; asked how to cancel the {plan} plan.',
    'Unhappy with the refund process for {invoice}, wants a manager to call back.',
    'Says quality has slipped and they no longer recommend us.',
  ],
};

export const MENTIONS: Record<Sentiment, readonly string[]> = {
  positive: [
    '@{other} you were right about the {product}, love it!',
    'thanks @{other} for putting me onto {shop} 🙌',
    '@{other} just got the same {product} as you, it is gorgeous',
  ],
  neutral: [
    '@{other} did you get the {product} in grey or in blue?',
    '@{other} which size did you order?',
    '@{other} is the {shop} sale on this weekend?',
  ],
  negative: [
    '@{other} did your order take forever too? still waiting on mine',
    '@{other} same problem with my {product}, support is ignoring me',
    '@{other} do not bother with {shop}, mine arrived broken as well',
  ],
};
