package dev.promptport.traffic;

import dev.promptport.InputFormat;

/**
 * LiteLLM's StandardLoggingPayload (its logging callbacks; {@code log_format: ndjson} of the
 * generic API logger writes one a line) keeps a chat call's {@code messages} and, apart, the
 * other parameters in {@code model_parameters}: the request is put back together from them and
 * {@code model}. Only chat calls (call_type {@code completion}, {@code acompletion}) and
 * Anthropic Messages calls ({@code anthropic_messages}) are read this way; LiteLLM leaves a
 * Messages call's {@code system} out of {@code model_parameters} in recent versions, so a
 * system prompt it dropped is not audited.
 */
final class LiteLlm {

    private LiteLlm() {
    }

    static LineSniffer.Request request(String text, LineSniffer.Shape s, UrlKind wire)
            throws LineSniffer.BadLineException {
        InputFormat format = wire == null ? null : wire.format();
        if (format != InputFormat.OPENAI_CHAT && format != InputFormat.ANTHROPIC) {
            throw new LineSniffer.BadLineException("a LiteLLM log line with the call_type " + LineSniffer.quote(s.callType)
                    + ": only chat calls (completion, acompletion) and anthropic_messages calls can be read from"
                    + " \"messages\" and \"model_parameters\"");
        }
        if (s.messagesStart < 0) {
            throw new LineSniffer.BadLineException("a LiteLLM log line whose \"messages\" is not a list of messages");
        }
        StringBuilder b = new StringBuilder(text.length());
        b.append('{');
        if (s.modelStart >= 0) {
            b.append("\"model\":").append(text, s.modelStart, s.modelEnd).append(',');
        }
        b.append("\"messages\":").append(text, s.messagesStart, s.messagesEnd);
        // the parameters' own fields, without their braces
        int from = s.modelParametersStart + 1;
        int to = s.modelParametersEnd - 1;
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        if (from < to) {
            b.append(',').append(text, from, to);
        }
        return new LineSniffer.Request(b.append('}').toString(), format);
    }
}
