import { fold } from '../fold.js';

// Words that carry no need in a search or an offer: articles, pronouns, prepositions, question
// words. Kept short: a word left here that should count is worse than one that counts too often.
const LISTS: Record<string, string> = {
	de: `der die das den dem des ein eine einen einem einer eines und oder aber für fur mit ohne von
		vom zu zum zur in im an am auf aus bei beim nach über uber unter um bis durch gegen als wie
		wo wer was wann welche welcher welches ich du er sie es wir ihr mich mir dich dir uns euch
		mein meine meinen meinem meiner dein deine sein seine ihre ihren unser unsere ist sind bin
		bist war es bitte auch noch nur sehr mehr hier da dort man kein keine nicht so etwas ja nein
		hallo gibt's wie welche alle jemand irgendwo`,
	en: `the a an and or but for with without of to in on at from by about as into near is are am was
		be been i you he she it we they me my your our their his her its can could would should will
		where what when who which how do does did have has please some any there here this that
		these those me mine somewhere`,
	tr: `ve veya ile için icin bir bu şu su o ben sen biz siz onlar benim senin bana beni nerede
		nereye ne nasıl nasil hangi var yok mi mı mu mü de da ki gibi çok cok daha en lütfen lutfen`,
	ru: `и или а но для с со без в во на у о об от до из к по за при как где что кто когда какой
		какие я ты он она мы вы они мне меня мой моя мои мой наш ваш это есть можно пожалуйста тоже`,
	uk: `і й та або а але для з із зі без в у на о про від до з к по за при як де що хто коли який
		які я ти він вона ми ви вони мені мене мій моя мої наш ваш це є можна будь ласка теж`,
	ar: `في من الى إلى على عن مع و او أو ثم هل اين أين ما ماذا متى كيف لي انا أنا انت نحن هو هي هذا
		هذه ذلك تلك التي الذي عند بحث يوجد هناك لـ ل`,
	fa: `و یا با بی برای از به در تا که را این آن اون یک من تو او ما شما آنها کجا چه چی کی چطور کدام
		هست است هستم لطفا هم`
};

// The verbs people wrap a need in when they ask ("ich suche …", "I need …"); in an offer's text they
// carry meaning ("Wohnung suchen"), so only queries leave them out.
const QUERY_WRAPPERS: Record<string, string> = {
	de: `brauche brauchen suche suchen sucht finde finden möchte mochte möchten will wollen kann
		kannst können konnen gibt geben habe haben hat hast`,
	en: 'need needs want wants looking look find search searching get',
	tr: 'arıyorum ariyorum istiyorum lazım lazim bul bulmak',
	ru: 'нужен нужна нужно ищу искать найти хочу',
	uk: 'потрібен потрібна потрібно шукаю шукати знайти хочу',
	ar: 'اريد أريد ابحث أبحث',
	fa: 'میخواهم میخوام دنبال میگردم پیدا کنم بکنم کردن'
};

// Asking for help ("Hilfe bei der Wohnung", "help with rent"): the need is the rest of the query;
// offers that speak of help come first among its matches, but the word narrows nothing.
const HELP_WORDS: Record<string, string> = {
	de: 'hilfe helfen hilft unterstützung',
	en: 'help support',
	tr: 'yardım yardim destek',
	ru: 'помощь помочь поддержка',
	uk: 'допомога допомогти підтримка',
	ar: 'مساعدة دعم',
	fa: 'کمک'
};

/** Per language, a membership test for the folded words of a space-separated list. */
function wordLists(lists: Record<string, string>): (word: string, language: string) => boolean {
	const sets = new Map(
		Object.entries(lists).map(([language, list]) => [
			language,
			new Set(list.split(/\s+/).filter(Boolean).map(fold))
		])
	);
	return (word, language) => sets.get(language)?.has(word) ?? false;
}

const inStopwords = wordLists(LISTS);
const inWrappers = wordLists(QUERY_WRAPPERS);
const inHelpWords = wordLists(HELP_WORDS);

/** Whether `word` (folded) carries no meaning in a text of the given language. */
export function isStopword(word: string, language: string): boolean {
	return inStopwords(word, language);
}

/** Whether `word` (folded) asks for help in general rather than naming a need. */
export function isHelpWord(word: string, language: string): boolean {
	return inHelpWords(word, language);
}

/**
 * Whether `word` (folded) is a verb a query wraps its need in ("suche", "need"). Such a word still
 * belongs to the thesaurus' phrases ("Wohnung suchen"); only where no phrase takes it is it left out.
 */
export function isQueryWrapper(word: string, language: string): boolean {
	return inWrappers(word, language);
}
