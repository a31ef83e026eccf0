/**
 * Capitalised words of other languages that make no longer name with the name
 * beside them (`context.ts` reads them with its English sentence openers,
 * titles, days and months): "Президент России", "Cumhurbaşkanı Erdoğan",
 * "Esad Aralık 2024'te". Only Russian and Turkish words are listed: French,
 * German and Spanish titles fold to the English ones ("président" = president),
 * and their articles would change how English pages read ("Le Monde").
 */
/** The words as written (folded by `context.ts` on first use: see {@link OTHER_LANGUAGE_NOT_NAME_PARTS}). */
export const OTHER_LANGUAGE_NOT_NAME_PARTS: readonly string[] = [
  // Russian: prepositions, conjunctions and pronouns that open sentences, titles (all cases), months
  ...'в во на по с со к ко о об от до из за под над при про для без у и а но или же как что это этот эта эти он она они его ее их мы вы также однако после перед когда где тогда уже еще ни не'.split(' '),
  ...'президент президента президенту президентом президенте глава главы главе министр министра министру министром генерал генерала лидер лидера премьер спикер посол посла глава министерства'.split(' '),
  ...'январь января февраль февраля март марта апрель апреля май мая июнь июня июль июля август августа сентябрь сентября октябрь октября ноябрь ноября декабрь декабря'.split(' '),
  ...'понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье'.split(' '),
  // Turkish: titles, function words that open sentences, months and days
  ...'cumhurbaşkanı başkanı başkan bakanı bakan dışişleri savunma devlet başbakan sözcüsü genel lider ve ile da de bu şu o ancak ayrıca ise'.split(' '),
  ...'ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık pazartesi salı çarşamba perşembe cuma cumartesi pazar'.split(' '),
];
