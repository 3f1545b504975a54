package dev.promptport.fuzz;

import dev.promptport.PromptPortException;

/**
 * How the fuzz campaign classifies a call that did not return: a {@link PromptPortException}
 * is a documented refusal unless it wraps an internal error; anything else, and a call over the
 * time limit, is a failure, signed by the first promptport frames so one cause counts once.
 */
public final class FuzzVerdicts {

    private FuzzVerdicts() {
    }

    static FuzzCampaign.Verdict thrown(Throwable e) {
        if (e instanceof PromptPortException p) {
            Throwable cause = p.getCause();
            // the library's own catch-all (PromptPort.guarded) for a RuntimeException that escaped a reader,
            // rule or writer; a cause such as a JSON parse error behind "invalid JSON" is an ordinary rejection
            String msg = String.valueOf(p.getMessage());
            if (cause == null || cause instanceof PromptPortException
                    || !msg.startsWith("promptport could not translate this input")) {
                return FuzzCampaign.Verdict.REJECTED;
            }
            return failed("wrapped:" + frameSignature(cause), "internal error wrapped in PromptPortException",
                    stackHead(p), String.valueOf(p.getMessage()));
        }
        return failed("raw:" + frameSignature(e), "exception other than PromptPortException", stackHead(e),
                String.valueOf(e));
    }

    static FuzzCampaign.Verdict hang(StackTraceElement[] stack) {
        StringBuilder sig = new StringBuilder("hang:");
        StringBuilder head = new StringBuilder("call exceeded the time limit; stuck at:");
        int shown = 0;
        for (StackTraceElement el : stack) {
            if (shown < 12) {
                head.append("\n    at ").append(el);
                shown++;
            }
        }
        int own = 0;
        for (StackTraceElement el : stack) {
            if (el.getClassName().startsWith("dev.promptport") && !el.getClassName().startsWith("dev.promptport.fuzz")) {
                sig.append(el.getClassName()).append('.').append(el.getMethodName()).append(';');
                if (++own == 2) {
                    break;
                }
            }
        }
        return failed(sig.toString(), "hang (over the time limit)", head.toString(), "timeout");
    }

    static FuzzCampaign.Verdict failed(String sig, String category, String stackHead, String detail) {
        return new FuzzCampaign.Verdict(FuzzCampaign.Outcome.FAILED, sig, category, stackHead, detail);
    }

    public static String frameSignature(Throwable e) {
        StringBuilder b = new StringBuilder(e.getClass().getName());
        for (StackTraceElement el : e.getStackTrace()) {
            if (el.getClassName().startsWith("dev.promptport")) {
                b.append('@').append(el.getClassName()).append('.').append(el.getMethodName()).append(':')
                        .append(el.getLineNumber());
                return b.toString();
            }
        }
        StackTraceElement[] st = e.getStackTrace();
        if (st.length > 0) {
            b.append('@').append(st[0]);
        }
        return b.toString();
    }

    public static String stackHead(Throwable e) {
        StringBuilder b = new StringBuilder();
        Throwable t = e;
        int depth = 0;
        while (t != null && depth < 3) {
            b.append(depth == 0 ? "" : "\nCaused by: ").append(t.getClass().getName()).append(": ")
                    .append(FuzzCampaign.quote(String.valueOf(t.getMessage()), 300));
            StackTraceElement[] st = t.getStackTrace();
            for (int k = 0; k < Math.min(8, st.length); k++) {
                b.append("\n    at ").append(st[k]);
            }
            t = t.getCause() == t ? null : t.getCause();
            depth++;
        }
        return b.toString();
    }
}
