package vn.motcua.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vn.motcua.content.AccentFolding;
import vn.motcua.content.ContentFiles;
import vn.motcua.content.ContentProperties;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.knowledge.AnswerComposer;
import vn.motcua.knowledge.ServiceDirectory;
import vn.motcua.message.Channel;
import vn.motcua.message.InboundContent;
import vn.motcua.message.Priority;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.nlu.ConversationSuite;
import vn.motcua.nlu.FollowUp;
import vn.motcua.nlu.Intents;
import vn.motcua.nlu.MessageParser;
import vn.motcua.nlu.Parse;
import vn.motcua.nlu.TestNlu;

/**
 * Conversations as people type them (no accents, teencode, one-word turns), read by the shipped NLU and answered by
 * the policy turn by turn, with the short memory a stored conversation gives it (topic, the answers of the bot's
 * latest turn, what it offered, whether a caseworker was asked for). Every example of issue 10 that is about the
 * dialogue is here. Each turn is checked by its facts (numbers, key words), never by exact wording, and every turn
 * also by the rules that hold always: no block repeated word for word from the turn before, no "chưa hiểu" where the
 * meaning is plain. One test lists every turn that fails.
 */
class DialogueConversationTest {

    private static final MessageParser PARSER = TestNlu.get().parser();
    private static final ContentFiles CONTENT = new ContentFiles(ContentProperties.of(null));
    private static final AnswerBook ANSWERS = new AnswerBook(CONTENT);
    private static final DialoguePolicy POLICY = new DialoguePolicy(ANSWERS,
            new AnswerComposer(new ServiceDirectory(CONTENT)));
    /** The three-digit numbers the bot gives, in the order a person reads them. */
    private static final Pattern SHORT_NUMBER = Pattern.compile("(?<!\\d)11[1-5](?!\\d)");

    /** One person's conversation as the policy sees it, kept the way the turn handler keeps it. */
    private static final class Chat {
        private final Channel channel;
        private boolean firstContact;
        private boolean waiting;
        private int misunderstandings;
        private String place;
        private String topic;
        private final Set<String> heard = new HashSet<>();
        private List<QuickReplyOption> offered = List.of();
        private List<String> said = List.of();
        private Decision last;

        Chat(Channel channel, boolean firstContact) {
            this.channel = channel;
            this.firstContact = firstContact;
        }

        DialogueView view() {
            AnswerKey topicKey = topic == null ? null : AnswerKey.parse(topic);
            return new DialogueView(channel, firstContact, waiting, false, misunderstandings, place,
                    topicKey == null ? null : topicKey.intent(), heard, offered,
                    topicKey == null ? null : topicKey.variant(), said);
        }

        Decision say(String text) {
            Parse parse = PARSER.parse(text);
            return remember(POLICY.decide(view(), new InboundContent.Text(text), parse), parse);
        }

        Decision tap(String payload, String title) {
            Parse parse = Payloads.intentOf(payload).map(Parse::certain).orElse(null);
            return remember(POLICY.decide(view(), new InboundContent.QuickReply(payload, title), parse), parse);
        }

        private Decision remember(Decision decision, Parse parse) {
            firstContact = false;
            misunderstandings = decision.misunderstandings();
            place = decision.place();
            offered = decision.offered();
            String understood = decision.understood() != null ? decision.understood()
                    : parse == null ? null : parse.intent();
            if (understood != null) {
                heard.add(understood);
            }
            List<String> labels = replies(decision).stream().map(Action.Reply::label).toList();
            said = labels;
            // As the turn handler keeps it: the queue line after an answer (issue 11) is not that turn's topic.
            String queueLine = null;
            String answered = null;
            for (String label : labels) {
                String intent = AnswerKey.parse(label).intent();
                if (Intents.HUMAN_AGENT.equals(intent)) {
                    queueLine = label;
                } else if (Intents.ALL.contains(intent)) {
                    answered = label;
                }
            }
            topic = answered != null ? answered : queueLine != null ? queueLine : topic;
            if (decision.actions().stream().anyMatch(Action.Escalate.class::isInstance)) {
                waiting = true;
            }
            if (decision.actions().stream().anyMatch(Action.Erase.class::isInstance)) {
                waiting = false;
                topic = null;
                heard.clear();
                said = List.of();
                offered = List.of();
                firstContact = true;
            }
            last = decision;
            return decision;
        }
    }

    private record Check(String what, Predicate<Decision> holds) {
    }

    private record Step(String text, String tap, List<Check> checks) {
    }

    private record Script(String title, Channel channel, boolean firstContact, List<Step> steps) {
    }

    private static Step say(String text, Check... checks) {
        return new Step(text, null, List.of(checks));
    }

    private static Step tap(String payload, Check... checks) {
        return new Step(payload, payload, List.of(checks));
    }

    private static Script script(String title, Step... steps) {
        return new Script(title, Channel.MESSENGER, false, List.of(steps));
    }

    private static Script onWeb(String title, Step... steps) {
        return new Script(title, Channel.WEBCHAT, false, List.of(steps));
    }

    private static Script fresh(String title, Step... steps) {
        return new Script(title, Channel.MESSENGER, true, List.of(steps));
    }

    // ---- checks, by facts ----

    private static List<Action.Reply> replies(Decision decision) {
        return decision.actions().stream().filter(Action.Reply.class::isInstance).map(Action.Reply.class::cast)
                .toList();
    }

    private static String text(Decision decision) {
        return String.join("\n", replies(decision).stream().map(r -> r.answer().text()).toList());
    }

    /** The replies after the automated-assistant notice of a first contact. */
    private static String answerText(Decision decision) {
        return String.join("\n", replies(decision).stream()
                .filter(r -> !r.label().equals(AnswerKey.of(AnswerName.DISCLOSURE).label()))
                .map(r -> r.answer().text()).toList());
    }

    private static String fold(String text) {
        return AccentFolding.fold(text.toLowerCase(Locale.ROOT));
    }

    private static Check says(String... words) {
        return new Check("says " + String.join(", ", words), d -> {
            String t = fold(text(d));
            for (String w : words) {
                if (!t.contains(fold(w))) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Check never(String... words) {
        return new Check("never says " + String.join(", ", words), d -> {
            String t = fold(text(d));
            for (String w : words) {
                if (t.contains(fold(w))) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The first emergency number in the answer (after any first-contact notice) is {@code number}. */
    private static Check firstNumber(String number) {
        return new Check(number + " first", d -> {
            Matcher m = SHORT_NUMBER.matcher(answerText(d));
            return m.find() && m.group().equals(number);
        });
    }

    private static Check answer(String label) {
        return new Check("answers " + label, d -> replies(d).stream().anyMatch(r -> r.label().equals(label)));
    }

    private static Check escalates(Priority priority) {
        return new Check("escalates " + priority, d -> d.actions().stream()
                .anyMatch(a -> a instanceof Action.Escalate e && e.priority() == priority));
    }

    private static final Check NO_CRISIS = new Check("no crisis answer, no CRITICAL alarm", d ->
            replies(d).stream().noneMatch(r -> Intents.isCrisis(r.intent())) && d.actions().stream()
                    .noneMatch(a -> a instanceof Action.Escalate e && e.priority() == Priority.CRITICAL));

    private static final Check ERASES = new Check("erases", d -> d.actions().contains(new Action.Erase()));

    private static final Check KEEPS = new Check("erases nothing", d -> !d.actions().contains(new Action.Erase()));

    private static final Check ASKS_TO_ERASE = new Check("asks to confirm erasing, with buttons", d ->
            replies(d).stream().anyMatch(r -> r.answer().quickReplies().stream()
                    .anyMatch(q -> q.payload().equals(Payloads.ERASE_CONFIRM))));

    private static final Check NO_UNSUBSCRIBE = new Check("does not unsubscribe", d ->
            d.actions().stream().noneMatch(Action.Unsubscribe.class::isInstance));

    private static final Check SHORT = new Check("short (under 700 characters)", d -> answerText(d).length() < 700);

    /** Holds for every turn: the meaning is plain in all these scripts. */
    private static final Check NOT_ASKED = new Check("no clarifying question", d ->
            replies(d).stream().noneMatch(r -> r.label().equals(AnswerKey.of(AnswerName.CLARIFY).label())
                    || r.label().equals(AnswerKey.of(AnswerName.OFFER_CASEWORKER).label()))
                    && !fold(text(d)).contains("chua hieu"));

    private static final List<Script> SCRIPTS = List.of(
            // Short and one-word turns.
            fresh("chào, then short turns outside any question",
                    say("chào", answer("greeting"), says("113", "trợ lý tự động")),
                    say("ok", answer("affirm")),
                    say("vâng", says("mình")),
                    say("ko", answer("deny")),
                    say("thôi", answer("never_mind"), NO_UNSUBSCRIBE),
                    say("cảm ơn", answer("thanks_goodbye"), says("xóa"))),
            // Typed erasure.
            onWeb("xóa, then có: erased; the web chat is told how to clear the browser",
                    say("xóa", ASKS_TO_ERASE, KEEPS),
                    say("có", ERASES, says("lịch sử duyệt web"))),
            script("xoa het di, then ok",
                    say("xoa het di", ASKS_TO_ERASE, KEEPS),
                    say("ok", ERASES, says("Messenger", "Zalo"))),
            script("xóa cuộc trò chuyện, then xóa đi",
                    say("xóa cuộc trò chuyện", ASKS_TO_ERASE, KEEPS),
                    say("xóa đi", ERASES)),
            script("xóa, then không: nothing erased",
                    say("xóa", ASKS_TO_ERASE),
                    say("không", KEEPS, answer("delete_data/cancelled"))),
            script("xóa, then the button",
                    say("xóa", ASKS_TO_ERASE),
                    tap(Payloads.ERASE_CONFIRM, ERASES)),
            // A disclosure with full accents, the safety question answered in words.
            script("chồng em đánh em, then ko (not safe)",
                    say("chồng em đánh em", answer("domestic_violence"), says("không phải lỗi của bạn", "113"),
                            answer("system/safe_to_talk")),
                    say("ko", answer("system/safe_no"), says("xóa", "113"))),
            script("chồng em đánh em, then có (safe)",
                    say("chồng em đánh em", answer("domestic_violence")),
                    say("có", answer("system/safe_yes"), NO_CRISIS)),
            // Follow-ups keep their topic.
            script("lệnh cấm tiếp xúc: thủ tục, nộp đơn ở đâu, bao lâu",
                    say("Cho mình hỏi thủ tục xin lệnh cấm tiếp xúc như thế nào", answer("legal_rights/no_contact"),
                            says("Điều 25", "12 giờ")),
                    say("nộp đơn ở đâu", answer("legal_rights/no_contact_where"), says("Ủy ban nhân dân", "Chủ tịch"),
                            never("Trình báo")),
                    say("bao lâu", answer("legal_rights/no_contact_how_long"), says("12 giờ", "03 ngày", "04 tháng")),
                    say("có mất tiền ko", answer("legal_rights/no_contact_cost"), says("miễn phí")),
                    say("bao lâu", answer("legal_rights/no_contact_how_long"))),
            script("legal aid, then có phải trả tiền không",
                    tap("INTENT:legal_aid", answer("legal_aid")),
                    say("có phải trả tiền không", answer("legal_aid/cost"), says("miễn phí", "Điều 7"), NO_CRISIS,
                            new Check("no escalation", d -> d.actions().stream()
                                    .noneMatch(Action.Escalate.class::isInstance)))),
            script("ly hon… gianh nuoi con: the honest divorce answer, then where",
                    say("ly hon… gianh nuoi con", answer("legal_rights/divorce_custody"), says("chưa có thông tin")),
                    say("nộp đơn ở đâu", answer("legal_rights/divorce_custody_where"), says("Trợ giúp pháp lý"))),
            script("a follow-up the content cannot answer: honest, a caseworker, the topic kept",
                    tap("INTENT:police_report", answer("police_report")),
                    say("mất bao lâu", says("chưa có thông tin"), says("nhân viên")),
                    say("nộp đơn ở đâu", answer("police_report/where"), says("Ủy ban nhân dân"))),
            script("bị chồng đánh: what next, for a child, no report, no jail",
                    say("ck hay đánh e", answer("domestic_violence")),
                    say("vậy e làm gì tiếp", answer("domestic_violence/next_steps"), says("113", "cấm tiếp xúc"),
                            NO_CRISIS),
                    say("cho con thì sao", answer("domestic_violence/for_child"), says("111")),
                    say("e ko muon to cao", answer("domestic_violence/no_report"), says("quyết định")),
                    say("ko muon anh ay bi di tu", answer("domestic_violence/no_jail"), says("không có nghĩa"))),
            script("a man beaten by his wife",
                    say("toi la dan ong bi vo danh co ai giup ko", says("nam giới"), NO_CRISIS)),
            // No false alarms.
            script("chỉ tát thôi, vậy e làm gì tiếp",
                    say("chỉ tát thôi", answer("domestic_violence"), NO_CRISIS),
                    say("vậy e làm gì tiếp", NO_CRISIS, says("113"))),
            script("a sextortion deadline",
                    say("nó đòi tung ảnh của e", NO_CRISIS),
                    say("nó cho e đến 9h tối nay", answer("online_abuse/deadline"), NO_CRISIS, says("bằng chứng"),
                            never("phía trên"))),
            script("everyday idioms",
                    say("chết cười", NO_CRISIS),
                    say("giết thời gian", NO_CRISIS),
                    say("giết con gián", NO_CRISIS),
                    say("đánh răng", NO_CRISIS),
                    say("deadline dí chết", NO_CRISIS)),
            // A crisis is not left too soon.
            script("pills, then ko muon goi ai het, then ok",
                    say("e vua uong het vi thuoc ngu roi", answer("self_harm"), firstNumber("115"),
                            escalates(Priority.CRITICAL)),
                    say("ko muon goi ai het", answer("self_harm/cannot_call"), says("115", "nhân viên")),
                    say("ok", says("115", "nhân viên")),
                    say("thôi", says("115"), NO_UNSUBSCRIBE)),
            script("danger said indirectly gets 113 first",
                    say("nó đang đập cửa", answer("emergency"), firstNumber("113"), escalates(Priority.CRITICAL))),
            script("hiding in the bathroom",
                    say("em trốn trong nhà tắm", firstNumber("113"), never("kêu to", "114"),
                            escalates(Priority.CRITICAL))),
            script("standing on a bridge",
                    say("đang đứng trên cầu", firstNumber("113"), says("115"), escalates(Priority.CRITICAL))),
            script("danger, then cannot call: no voice, no 114, never shout",
                    say("cuu e voi no dang danh e", answer("emergency"), firstNumber("113")),
                    say("ko dam goi, no nghe thay", answer("emergency/cannot_call"), says("nhắn ở đây"),
                            never("114", "kêu to", "1900")),
                    say("ko goi dc", answer("emergency/stay"), never("114", "kêu to"))),
            fresh("cannot call, as the first thing written",
                    say("ko dam goi, no nghe thay", says("nhắn ở đây", "113"), never("114", "kêu to", "1900"),
                            escalates(Priority.HIGH))),
            // Who is speaking, and who is listening.
            script("a 12-year-old about her stepfather",
                    say("em 12 tuổi, bố dượng hay đánh em", answer("child_abuse/child"), firstNumber("111"),
                            says("Em ơi", "không phải lỗi của em"), escalates(Priority.HIGH))),
            onWeb("he sits next to me",
                    say("ck đang ngồi kế bên", answer("being_watched"), says("Thoát nhanh", "xóa", "113"), SHORT,
                            NO_CRISIS)),
            script("anh ấy ngồi kế bên",
                    say("anh ấy ngồi kế bên", answer("being_watched"), says("xóa", "113"))),
            script("is my number kept",
                    say("có lưu tên hay số đt của e ko", answer("privacy"), says("không hỏi tên", "mã hóa", "xóa"),
                            KEEPS, new Check("not the erase question", d -> !ASKS_TO_ERASE.holds().test(d)))),
            script("can the police read it",
                    say("cong an co doc duoc ko", answer("privacy"), says("công an"))),
            script("person or machine, then a caseworker",
                    say("m la nguoi hay may", answer("bot_identity"), says("trợ lý tự động", "nhân viên")),
                    say("có", answer("human_agent"), escalates(Priority.NORMAL))),
            script("workplace harassment: not the 72-hour assault text",
                    say("sếp cứ nhắn tin gạ gẫm, đụng chạm em ở công ty", answer("sexual_violence/harassment"),
                            says("bằng chứng"), never("72 giờ"))),
            script("harassment on the bus",
                    say("bị sàm sỡ trên xe buýt", answer("sexual_violence/harassment"), never("72 giờ"))),
            script("elder abuse",
                    say("con trai đánh mẹ già, bà 80 tuổi rồi", answer("elder_abuse"), says("113", "Điều 185"))),
            script("never mind is not an unsubscription",
                    tap("INTENT:subscribe", answer("subscribe")),
                    say("thôi để sau", answer("never_mind"), NO_UNSUBSCRIBE)),
            // A caseworker offered, accepted with one word.
            script("counselling, then ok",
                    tap("INTENT:counseling", answer("counseling")),
                    say("ok", answer("human_agent"), escalates(Priority.NORMAL))),
            script("counselling, then ko",
                    tap("INTENT:counseling", answer("counseling")),
                    say("ko", answer("deny"), new Check("no escalation", d -> d.actions().stream()
                            .noneMatch(Action.Escalate.class::isInstance)))),
            // One number for one need.
            script("which number about violence",
                    say("em bị bạo lực thì gọi số nào", answer("hotline"), firstNumber("113"), says("111"),
                            never("114", "1900"))),
            script("which number, husband",
                    say("số nào để gọi khi bị chồng đánh", firstNumber("113"), never("114", "1900"))),
            // Never the same block twice.
            script("the same disclosure twice",
                    say("chồng em đánh em", answer("domestic_violence")),
                    tap(Payloads.SAFE_YES),
                    say("chồng em đánh em", answer("domestic_violence")),
                    say("chồng em đánh em", says("phía trên", "nhân viên"))),
            script("chào, alo",
                    say("chào", answer("greeting")),
                    say("alo", answer("greeting/again"))));

    @Test
    void everyTurnOfEveryScriptHasTheBehaviourTheIssueAsksFor() {
        List<String> failures = new ArrayList<>();
        int turns = 0;
        for (Script script : SCRIPTS) {
            Chat chat = new Chat(script.channel(), script.firstContact());
            List<String> before = List.of();
            for (Step step : script.steps()) {
                turns++;
                Decision decision = step.tap() != null ? chat.tap(step.tap(), "nút") : chat.say(step.text());
                List<Check> checks = new ArrayList<>(step.checks());
                checks.add(NOT_ASKED);
                List<String> now = replies(decision).stream().map(r -> r.answer().text()).toList();
                List<String> repeated = now.stream().filter(before::contains).toList();
                if (!repeated.isEmpty()) {
                    failures.add(script.title() + " / " + step.text() + ": repeats word for word what was just said");
                }
                for (Check check : checks) {
                    if (!check.holds().test(decision)) {
                        failures.add(script.title() + " / " + step.text() + ": expected " + check.what() + ", got "
                                + replies(decision).stream().map(Action.Reply::label).toList() + " "
                                + decision.actions().stream().filter(a -> !(a instanceof Action.Reply)).toList()
                                + "\n    " + text(decision).replace("\n", "\n    "));
                    }
                }
                before = now;
            }
        }
        System.out.println("Dialogue conversations: " + SCRIPTS.size() + " scripts, " + turns + " turns, "
                + failures.size() + " failing checks");
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    /**
     * The NLU's 50 scripted conversations (src/test/resources/nlu/conversations.txt, 138 turns), now answered: no
     * block twice in a row, no crisis answer in a conversation that has had none, follow-ups answered for the topic
     * the script names, and few questions where the script says the meaning is plain. English turns are counted too,
     * though their English answers are another part of issue 10. The figures are printed.
     */
    @Test
    void theScriptedConversationsOfTheNluAreAnsweredWithoutRepeatsFalseAlarmsOrLostTopics() throws IOException {
        List<ConversationSuite.Conversation> conversations;
        try (InputStream in = getClass().getResourceAsStream("/nlu/conversations.txt")) {
            conversations = ConversationSuite.read(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .toList(), "conversations.txt").conversations();
        }
        int turns = 0;
        int asked = 0;
        int followUps = 0;
        List<String> repeats = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        List<String> needless = new ArrayList<>();
        List<String> lostTopics = new ArrayList<>();
        for (ConversationSuite.Conversation conversation : conversations) {
            Chat chat = new Chat(Channel.WEBCHAT, true);
            List<String> before = List.of();
            boolean crisisSoFar = false;
            for (ConversationSuite.Turn turn : conversation.turns()) {
                turns++;
                String where = conversation.title() + " / " + turn.text();
                String expected = turn.expected().intent();
                crisisSoFar |= Intents.isCrisis(expected);
                Decision decision = chat.say(turn.text());
                List<String> now = replies(decision).stream().map(r -> r.answer().text()).toList();
                if (now.stream().anyMatch(before::contains)) {
                    repeats.add(where);
                }
                if (!crisisSoFar && !NO_CRISIS.holds().test(decision)) {
                    falseAlarms.add(where + " -> " + replies(decision).stream().map(Action.Reply::label).toList());
                }
                if (!NOT_ASKED.holds().test(decision)) {
                    asked++;
                    if (!ConversationSuite.ASK.equals(expected)) {
                        needless.add(where);
                    }
                }
                if (turn.expected().followUp() != FollowUp.NONE) {
                    followUps++;
                    if (replies(decision).stream().map(r -> AnswerKey.parse(r.label()).intent())
                            .noneMatch(expected::equals)) {
                        lostTopics.add(where + " -> expected " + expected + ", got "
                                + replies(decision).stream().map(Action.Reply::label).toList());
                    }
                }
                before = now;
            }
        }
        String report = String.format(Locale.ROOT, "%d conversations, %d turns: %d questions asked (%d needless), "
                        + "%d repeats, %d false alarms, %d of %d follow-ups answered for their topic%n%s",
                conversations.size(), turns, asked, needless.size(), repeats.size(), falseAlarms.size(),
                followUps - lostTopics.size(), followUps,
                String.join("\n", concat(needless.stream().map(n -> "needless question: " + n).toList(),
                        repeats.stream().map(r -> "repeat: " + r).toList(),
                        falseAlarms.stream().map(f -> "false alarm: " + f).toList(),
                        lostTopics.stream().map(l -> "lost topic: " + l).toList())));
        System.out.println("Dialogue over the NLU's conversations: " + report);
        assertThat(repeats).as(report).isEmpty();
        assertThat(falseAlarms).as(report).isEmpty();
        assertThat(needless.size()).as(report).isLessThanOrEqualTo(turns / 20);
        // Vietnamese follow-ups: 31 of 35 at the first run, the four lost from turns the NLU reads wrong (docs/nlu.md,
        // "still wrong"). English follow-ups get the honest "this service works in Vietnamese" sentence until their
        // variants have English twins (a known gap, counted apart so it cannot hide a Vietnamese regression).
        long lostInEnglish = lostTopics.stream().filter(l -> l.startsWith("English")).count();
        assertThat(followUps - (lostTopics.size() - lostInEnglish)).as(report)
                .isGreaterThanOrEqualTo(followUps * 85 / 100);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
