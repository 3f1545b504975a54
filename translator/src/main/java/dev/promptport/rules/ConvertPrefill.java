package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.OutputFormat;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * A request that ends with an assistant turn asks Claude to continue that text. Other
 * vendors answer after it instead, so the prefix becomes an instruction in the last user
 * turn, and is recorded so the reply can be given back with the prefix in front.
 */
final class ConvertPrefill implements RewriteStep {

    static final String INSTRUCTION = "Begin your reply with exactly the following text, then continue it:\n";

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        boolean schema = schemaBesidePrefill(c, ctx);
        if (c.turns().isEmpty() || ctx.target().facts().prefill() && !schema) {
            return c;
        }
        Turn last = c.turns().get(c.turns().size() - 1);
        if (last.role() != Role.ASSISTANT || !last.parts().stream().allMatch(p -> p instanceof Part.Text)) {
            return c;
        }
        StringBuilder prefix = new StringBuilder();
        for (Part p : last.parts()) {
            prefix.append(((Part.Text) p).text());
        }
        if (prefix.isEmpty()) {
            return c;
        }
        String prefill = prefix.toString();
        ctx.recordPrefill(prefill);
        ctx.sink().report("PP107", last.loc(), abbreviate(prefill),
                schema ? ctx.targetName() + ", asked for a reply that follows a JSON schema," : ctx.targetName());

        List<Turn> turns = new ArrayList<>(c.turns().subList(0, c.turns().size() - 1));
        Part.Text instruction = new Part.Text(INSTRUCTION + prefill, null, null, last.loc());
        int lastUser = turns.size() - 1;
        if (lastUser >= 0 && turns.get(lastUser).role() == Role.USER) {
            Turn user = turns.get(lastUser);
            List<Part> parts = new ArrayList<>(user.parts());
            parts.add(instruction);
            turns.set(lastUser, user.withParts(parts));
        } else {
            turns.add(new Turn(Role.USER, List.of(instruction), last.loc()));
        }
        return c.withTurns(turns);
    }

    /**
     * Claude continues a partial reply, but not while it writes to a reply schema (structured
     * output), which it refuses beside a prefill: there the prefill goes as for other vendors.
     * JSON mode without a schema is not sent to Claude (PP163), so its prefill stays one.
     */
    private static boolean schemaBesidePrefill(Conversation c, StepContext ctx) {
        OutputFormat f = c.generation().format();
        return ctx.target().facts().prefill() && f != null && !(f.jsonMode() && ctx.target().facts().anthropicWire())
                && !ctx.target().facts().rejectsParameter("structured_output");
    }

    static String abbreviate(String s) {
        return Snippets.abbreviate(s, 40);
    }

}
