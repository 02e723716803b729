package dev.seguito.touch.rules;

import dev.seguito.touch.Candidate;
import dev.seguito.touch.Channel;
import dev.seguito.touch.Interaction;
import dev.seguito.touch.JobChange;
import dev.seguito.touch.Suggestion;
import dev.seguito.touch.TouchContext;
import dev.seguito.touch.TouchRule;

import java.util.ArrayList;
import java.util.List;

/**
 * Data hygiene: a job change is a natural, generous reason to get in touch (congratulate, high priority, due
 * when noticed); a bounced address with nothing else on file means the record is going stale, so finding the
 * new address comes before any email suggestion can be acted on.
 */
public final class DataHygieneRule implements TouchRule {

    public static final String ID = "data_hygiene";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Candidate> candidates(TouchContext ctx) {
        List<Candidate> out = new ArrayList<>();
        JobChange job = ctx.facts().jobChange();
        // any team touch after the news most likely acknowledged it; two congratulations would look careless
        if (job != null && !job.detectedAt().isAfter(ctx.now())
                && ctx.timeline().after(job.detectedAt(), Interaction::isTeamTouch).isEmpty()) {
            String noticed = ", noticed on " + ctx.date(job.detectedAt()) + ".";
            String reason = job.oldCompany() == null || job.oldCompany().isBlank()
                    ? "Their profile shows a new role at " + job.newCompany() + noticed
                    : "Their profile shows a move from " + job.oldCompany() + " to " + job.newCompany() + noticed;
            out.add(new Candidate(new Suggestion(ID, "Congratulate them on the new role at " + job.newCompany(),
                    ctx.facts().linkedinConnected() ? Channel.LINKEDIN : Channel.ANY, job.detectedAt(), 2, reason,
                    "job:" + job.newCompany(), null), Candidate.Kind.PROACTIVE));
        }
        List<String> bounced = ctx.facts().bouncedEmails().stream().sorted().toList();
        if (!bounced.isEmpty() && !ctx.facts().hasValidEmail()) {
            String reason = (bounced.size() == 1 ? "Email to " : "Emails to ") + String.join(", ", bounced)
                    + " bounced and no other address is on file.";
            out.add(new Candidate(new Suggestion(ID, "Find their new email address", Channel.ANY, ctx.now(), 3,
                    reason, "bounced:" + String.join(",", bounced), null), Candidate.Kind.RESEARCH));
        }
        return out;
    }
}
