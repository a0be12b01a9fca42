/** Small vocabularies the customers are built from. Only reserved example domains are used for email. */

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Amelia', 'Oliver', 'Sophia', 'Elijah', 'Isla', 'James',
  'Mia', 'Lucas', 'Freya', 'Mateo', 'Ava', 'Leon', 'Chloe', 'Hugo', 'Grace', 'Arthur',
  'Lea', 'Jonas', 'Emilia', 'Finn', 'Sofia', 'Luca', 'Hannah', 'Theo', 'Clara', 'Oscar',
  'Ines', 'Tomas', 'Yuki', 'Haruto', 'Aiko', 'Ren', 'Priya', 'Arjun', 'Ananya', 'Rohan',
  'Fatima', 'Omar', 'Layla', 'Yusuf', 'Zara', 'Ethan', 'Maya', 'Daniel', 'Nora', 'Samuel',
  'Alice', 'Gabriel', 'Julia', 'Mateus', 'Camila', 'Diego', 'Elena', 'Marco', 'Anna', 'Felix',
] as const;

export const LAST_NAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas', 'Walker', 'Wright',
  'Murphy', 'Kelly', 'Byrne', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Martin', 'Bernard',
  'Dubois', 'Moreau', 'Laurent', 'de Vries', 'Jansen', 'Bakker', 'Visser', 'García', 'Fernández', 'López',
  'Martínez', 'Rossi', 'Russo', 'Ferrari', 'Johansson', 'Andersson', 'Nilsson', 'Hansen', 'Nielsen', 'Silva',
  'Santos', 'Costa', 'Tanaka', 'Suzuki', 'Sato', 'Patel', 'Sharma', 'Singh', 'Khan', 'Ali',
  'Nguyen', 'Chen', 'Wang', 'Kim', 'Park', 'Johnson', 'Miller', 'Davis', 'Anderson', 'Clark',
] as const;

/** Weighted like a UK-based online shop with a European and North American following. */
export const COUNTRIES: readonly (readonly [string, number])[] = [
  ['United Kingdom', 38], ['United States', 14], ['Germany', 8], ['France', 7], ['Netherlands', 4],
  ['Ireland', 4], ['Spain', 3], ['Canada', 3], ['Australia', 3], ['Italy', 2.5], ['Sweden', 2],
  ['Belgium', 2], ['Switzerland', 1.5], ['Portugal', 1.5], ['Norway', 1], ['Denmark', 1], ['Japan', 1],
  ['India', 1], ['Brazil', 0.8], ['Singapore', 0.7],
];

export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

export const PLANS: readonly (readonly [string, number])[] = [
  ['free', 35], ['starter', 35], ['pro', 22], ['enterprise', 8],
];

export const ACQUISITION_CHANNELS: readonly (readonly [string, number])[] = [
  ['organic_search', 30], ['paid_social', 18], ['referral', 14], ['email_campaign', 12],
  ['direct', 16], ['partner', 6], ['marketplace', 4],
];

/** Staff who write notes, answer chats and run meetings. */
export const AGENTS = [
  'Priya (Support)', 'Tom (Support)', 'Marta (Success)', 'Jonas (Sales)', 'Aisha (Success)',
] as const;

/** ASCII slug of a name part, for handles and email local parts. */
export function slug(part: string): string {
  return part
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
