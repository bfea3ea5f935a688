package vn.motcua.channel.webchat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.content.AccentFolding;

/**
 * The facts of an answer a person reads: which phone numbers it gives and in what order, which words it uses
 * (whatever their accents), which language it is in. What a scripted turn is judged by, instead of exact wording.
 */
final class AnswerFacts {

    /**
     * Phone numbers as Vietnamese answers write them: the short emergency numbers (111–115), 1800/1900 lines, and
     * numbers with an area code ("024 3333 5599"). Not a law's number ("13/2022/QH15"), a year, a sum or an address.
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d/.,–-])(11[1-5]|1[89]00(?:[ .]?\\d){4,6}|0\\d{2,3}(?:[ .]?\\d{3,4}){2})(?![\\d/%])");
    private static final Pattern NUMBER_ONLY = Pattern.compile("[\\d .]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");
    /** English words that Vietnamese as this service writes it never uses. */
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "you", "your", "is", "are", "and", "of", "for",
            "this", "not", "with", "if", "call", "can", "please", "what", "it", "have", "will", "here", "i", "we",
            "they", "be", "or", "at", "from", "who", "help", "safe");

    private AnswerFacts() {
    }

    static boolean isNumber(String value) {
        return NUMBER_ONLY.matcher(value).matches() && value.chars().anyMatch(Character::isDigit);
    }

    /** The phone numbers in the text, in the order they appear, digits only ("1900545559"). */
    static List<String> phoneNumbers(String text) {
        List<String> numbers = new ArrayList<>();
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            numbers.add(digits(m.group(1)));
        }
        return numbers;
    }

    static String digits(String number) {
        return number.replaceAll("\\D", "");
    }

    /** Whether the text carries this fact: a phone number among its numbers, or a phrase whatever its accents. */
    static boolean carries(String text, String fact) {
        if (isNumber(fact)) {
            return phoneNumbers(text).contains(digits(fact));
        }
        return folded(text).contains(folded(fact));
    }

    static String folded(String text) {
        return AccentFolding.fold(text).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /**
     * English when English function words make up a good part of what it says around its lists: an English answer
     * lists places by their Vietnamese names ("• Bệnh viện Hùng Vương, 128 Hồng Bàng"), so a count of accents would
     * not do; Vietnamese as this service writes it uses none of these words.
     */
    static boolean english(String text) {
        return share(prose(text), AnswerFacts::isEnglishWord) >= 0.12;
    }

    static boolean vietnamese(String text) {
        return share(prose(text), w -> !AccentFolding.fold(w).equals(w)) >= 0.2 && !english(text);
    }

    /** The text without its list lines ("• …"), unless it is nothing but a list. */
    private static String prose(String text) {
        String prose = String.join("\n", text.lines().filter(l -> !l.strip().startsWith("•")).toList());
        return prose.isBlank() ? text : prose;
    }

    private static boolean isEnglishWord(String word) {
        return ENGLISH_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static double share(String text, Predicate<String> kind) {
        List<String> words = WORD.matcher(text).results().map(MatchResult::group).toList();
        if (words.isEmpty()) {
            return 0;
        }
        return (double) words.stream().filter(kind).count() / words.size();
    }
}
