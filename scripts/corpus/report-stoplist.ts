/**
 * Reviewed stop-list for `npm run corpus:report`: capitalised words of the
 * corpus that are not actors or events. Keep it small and reviewed: a word here
 * hides every name it could start, so names themselves never belong here.
 */

/** Months and days: capitalised, never an actor. */
const CALENDAR = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
];

/**
 * Function words and sentence openers that a name never starts with. A
 * capitalised sequence is cut at these ("On December 16" has no name).
 */
const FUNCTION_WORDS = [
  'A', 'An', 'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'I', 'You', 'His', 'Her',
  'Their', 'Our', 'There', 'Here', 'Then', 'But', 'And', 'Or', 'So', 'Yet', 'If', 'As', 'At', 'By', 'For', 'From', 'In',
  'Into', 'Of', 'On', 'To', 'With', 'Without', 'After', 'Before', 'Since', 'Until', 'When', 'While', 'Where', 'Why',
  'How', 'What', 'Who', 'Which', 'Whether', 'However', 'Meanwhile', 'Moreover', 'Additionally', 'Also', 'Still',
  'Now', 'Indeed', 'Although', 'Despite', 'Regardless', 'Neither', 'Both', 'Each', 'All', 'Some', 'Many', 'Most',
  'Several', 'Other', 'Another', 'Such', 'Just', 'Over', 'Under', 'Among', 'Alongside', 'Beyond', 'Through', 'During',
  'Following', 'According', 'Unlike', 'Like', 'Rather', 'Instead', 'Even', 'Only', 'Not', 'No', 'Yes', 'Is', 'Was',
  'Are', 'Were', 'Has', 'Have', 'Had', 'Will', 'Would', 'Can', 'Could', 'May', 'Might', 'Must', 'Should', 'Do', 'Does',
  'Did', 'In', 'Afterwards', 'Subsequently', 'Taken', 'Having', 'Gathering', 'Reflecting', 'Speaking', 'Providing',
  'Contrary', 'Recent', 'Weeks', 'Days', 'Years', 'Read', 'Share', 'Subscribe', 'Find',
];

/**
 * Capitalised words of the corpus that name neither an actor nor an event.
 * Each is reviewed; a sequence is cut at them like at a function word.
 */
const NOT_ACTORS = [
  // Islamic law, quoted in ISIS's slogan "Sharia governance": a concept, not an actor.
  'Sharia',
  // The messaging app ISIS uses ("Telegram channels"): a medium, not an actor of the stories.
  'Telegram',
];

/**
 * Titles and offices: part of how a name is introduced ("Turkish Foreign
 * Minister Mevlut Cavusoglu") but not a name on their own. Trimmed from the
 * edges of a sequence.
 */
const OFFICE_WORDS = [
  'President', 'Presidents', 'Vice', 'Prime', 'Minister', 'Ministers', 'Deputy', 'Foreign', 'Defense', 'Defence',
  'Interior', 'Secretary', 'Supreme', 'Leader', 'General', 'Gen', 'Director', 'Head', 'Chief', 'Commander', 'Envoy',
  'Special', 'Former', 'Interim', 'Mr', 'Mrs', 'Ms', 'Dr', 'King', 'Crown', 'Prince', 'Sheikh', 'Emir',
  // Photo credit, not an actor of the stories.
  'AFP',
];

/**
 * Demonyms and adjectives of belonging: trimmed before an office ("Syrian
 * President …") and at the end of a sequence; a sequence ending in one is an
 * adjective phrase ("Central Asian countries"), not a name. Kept at the start
 * of a name ("Syrian Democratic Forces").
 */
const DEMONYMS = [
  'Syrian', 'Syrians', 'Russian', 'Russians', 'Turkish', 'Iranian', 'Iraqi', 'Israeli', 'American', 'Americans',
  'Kurdish', 'Kurds', 'Arab', 'Arabs', 'European', 'Western', 'Lebanese', 'Soviet', 'Islamist', 'Islamists', 'Jihadist',
  'Sunni', 'Shia', 'Alawite', 'Druze', 'Christian', 'Muslim', 'British', 'French', 'Chinese', 'Ukrainian', 'Libyan',
  'African', 'Asian', 'Muslims', 'Christians', 'Turks', 'Iranians', 'Israelis', 'Iraqis',
];

/** Cut sequences at these (lower-cased). */
export const SPLIT_WORDS: ReadonlySet<string> = new Set([...CALENDAR, ...FUNCTION_WORDS, ...NOT_ACTORS].map((w) => w.toLowerCase()));

/** Offices (lower-cased). */
export const OFFICES: ReadonlySet<string> = new Set(OFFICE_WORDS.map((w) => w.toLowerCase()));

/** Demonyms (lower-cased). */
export const DEMONYM_WORDS: ReadonlySet<string> = new Set(DEMONYMS.map((w) => w.toLowerCase()));

/** Lower-case words that may join the capitalised words of one name ("Council on Foreign Relations"). */
export const CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'the', 'on', 'de', 'del', 'bin', 'ibn', 'al', 'el']);
