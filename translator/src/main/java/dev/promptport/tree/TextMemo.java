package dev.promptport.tree;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Remembers what was worked out for a long text already seen: its tags, its rewrite. Traffic
 * repeats itself: every request of an application carries the same system prompt, and every
 * turn of a conversation re-sends the turns before it. During an outage, a failover sends
 * thousands of such requests; an audit of a month of logs reads millions. Both pay for a
 * system prompt once instead of once a request.
 *
 * <p>What is remembered depends on the text alone (and on the key the caller names, such as
 * the tag vocabulary or the limits it was scanned under), so a remembered result is the one the
 * caller would compute. Findings are remembered as offsets into the text and located again for
 * each request, whose JSON pointers differ.
 *
 * <p>A lookup must cost far less than the work it saves, and hashing a 30,000-character prompt
 * costs about as much as scanning it. So texts are filed by their length and a sample of their
 * characters, and a candidate is confirmed with {@link String#equals}, which the JVM runs on
 * whole vectors. Texts shorter than {@link #MIN_CHARS} are cheaper to redo than to look up.
 *
 * <p>The request reader also files what it read under keys of its own ({@link #file}): long
 * strings, tool lists, schemas and messages as they were written, matched byte for byte in the
 * next request that carries them.
 * Thread-safe; holds at most {@code maxTexts} texts of at most {@code maxChars} characters in all,
 * and forgets them all when full, so memory stays bounded however varied the traffic.
 */
public final class TextMemo {

    /** Texts shorter than this are worked out every time. */
    public static final int MIN_CHARS = 256;
    private static final int SAMPLES = 32;
    /** Characters read whole at each end of a text for its sample. */
    private static final int ENDS = 24;

    private final int maxTexts;
    private final long maxChars;
    private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
    /** Texts filed since the entries were last cleared, and their characters. */
    private final AtomicInteger texts = new AtomicInteger();
    private final AtomicLong chars = new AtomicLong();
    private final ConcurrentHashMap<Long, Object> filed = new ConcurrentHashMap<>();
    /** Characters filed since {@link #filed} was last cleared. */
    private final AtomicLong filedChars = new AtomicLong();

    /**
     * One text and what was worked out for it, by key; keys are compared by identity. Texts
     * whose samples agree (one length, differing only between the sampled places, as two
     * tool results that differ in an id) are chained, so that neither pushes the other out.
     */
    private static final class Entry {
        final String text;
        final Entry next;
        volatile Object[] derived = new Object[0];

        Entry(String text, Entry next) {
            this.text = text;
            this.next = next;
        }
    }

    /** The most texts one sample hash holds; past this, a new text starts the chain afresh. */
    private static final int CHAIN = 32;

    /** The characters a memo holds at most unless told otherwise: 32 MB of text at two bytes each. */
    public static final long DEFAULT_MAX_CHARS = 1L << 24;

    /**
     * @param maxTexts how many distinct texts to remember: an application's system prompts and
     *     tools, and for an agent each earlier turn of each conversation in flight; at most
     *     {@link #DEFAULT_MAX_CHARS} characters in all
     */
    public TextMemo(int maxTexts) {
        this(maxTexts, DEFAULT_MAX_CHARS);
    }

    /** @param maxChars how many characters the remembered texts may hold together */
    public TextMemo(int maxTexts, long maxChars) {
        if (maxTexts < 1) {
            throw new IllegalArgumentException("maxTexts must be positive, was " + maxTexts);
        }
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
        }
        this.maxTexts = maxTexts;
        this.maxChars = maxChars;
    }

    /** Whether {@code text} is long enough to be worth remembering. */
    public static boolean worthIt(String text) {
        return text != null && text.length() >= MIN_CHARS;
    }

    /**
     * What {@code compute} returns for {@code text} and {@code key}, computed once. The same
     * {@code key} object must be passed each time (it is compared by identity). A result that
     * depends on anything but the text and the key must not be remembered here.
     */
    public <T> T get(String text, Object key, Supplier<T> compute) {
        long id = sampleHash(text);
        Entry e = find(id, text);
        if (e == null) {
            e = add(id, text);
        }
        return derived(e, key, compute);
    }

    @SuppressWarnings("unchecked")
    private static <T> T derived(Entry e, Object key, Supplier<T> compute) {
        Object[] derived = e.derived;
        for (int i = 0; i < derived.length; i += 2) {
            if (derived[i] == key) {
                return (T) derived[i + 1];
            }
        }
        T value = compute.get();
        synchronized (e) {
            Object[] now = e.derived;
            Object[] grown = java.util.Arrays.copyOf(now, now.length + 2);
            grown[now.length] = key;
            grown[now.length + 1] = value;
            e.derived = grown;
        }
        return value;
    }

    /**
     * What {@code compute} returns for {@code text} and {@code key}, but only from the second
     * time the text is seen: the first time, the text is noted and null is returned, so the
     * caller takes its ordinary path. For work whose remembered form costs more to make than the
     * work itself (quoting a text apart, to copy it in later), which a text seen once would
     * only pay for.
     */
    public <T> T getOnceSeenBefore(String text, Object key, Supplier<T> compute) {
        long id = sampleHash(text);
        Entry e = find(id, text);
        if (e == null) {
            add(id, text);
            return null;
        }
        return derived(e, key, compute);
    }

    /**
     * The remembered text equal to {@code text}, or {@code text} itself. A caller that keeps a
     * text for later (see {@link #file}) keeps this one, so that later lookups find it by
     * identity instead of comparing every character.
     */
    public String canonical(String text) {
        Entry e = find(sampleHash(text), text);
        return e != null ? e.text : text;
    }

    private Entry find(long id, String text) {
        for (Entry e = entries.get(id); e != null; e = e.next) {
            if (e.text == text || e.text.equals(text)) {
                return e;
            }
        }
        return null;
    }

    /** Files a new text; two threads filing texts of one sample hash at once may keep only one, which only costs a redo. */
    private Entry add(long id, String text) {
        long held = chars.addAndGet(text.length());
        if (texts.incrementAndGet() > maxTexts || held > maxChars) {
            entries.clear();
            texts.set(1);
            chars.set(text.length());
        }
        Entry head = entries.get(id);
        int chained = 0;
        for (Entry e = head; e != null; e = e.next) {
            chained++;
        }
        Entry e = new Entry(text, chained < CHAIN ? head : null);
        entries.put(id, e);
        return e;
    }

    /**
     * What a caller filed under {@code key}, or null. For a lookup that cannot pay for the
     * whole text first: the request reader files a long JSON string under a hash of its first
     * characters as written, so a request that carries it again is matched where it stands
     * rather than scanned and decoded. A key may hold some other text: the caller confirms.
     */
    public Object filed(long key) {
        return filed.get(key);
    }

    /**
     * Files {@code value} under {@code key} (see {@link #filed}), which holds {@code chars} more
     * characters of the request than what the key held before. Bounded like the texts: at most
     * {@code maxTexts} keys, and {@code maxChars} characters filed since the keys were last
     * cleared, so a stream of long values, each filed once, cannot hold on to them all.
     */
    public void file(long key, Object value, int chars) {
        if (filed.size() >= maxTexts || filedChars.addAndGet(chars) > maxChars) {
            filed.clear();
            filedChars.set(chars);
        }
        filed.put(key, value);
    }

    /**
     * Length, the first and last characters, and a spread of the rest: cheap, and texts that
     * differ almost always differ here. The ends are read whole because that is where texts of
     * one kind differ (a counter, an id, a time at the start of a tool's output).
     */
    private static long sampleHash(String text) {
        int n = text.length();
        long h = n;
        int ends = Math.min(ENDS, n);
        for (int i = 0; i < ends; i++) {
            h = h * 31 + text.charAt(i);
        }
        int step = Math.max(1, n / SAMPLES);
        for (int i = 0; i < n; i += step) {
            h = h * 31 + text.charAt(i);
        }
        for (int i = Math.max(0, n - ENDS); i < n; i++) {
            h = h * 31 + text.charAt(i);
        }
        return h;
    }
}
