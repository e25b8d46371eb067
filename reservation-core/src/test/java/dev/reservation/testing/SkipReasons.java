package dev.reservation.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints "SKIPPED &lt;test&gt;: &lt;reason&gt;" on the console for every test that did not run,
 * disabled or aborted by an assumption (no Docker, no Chromium, no npm...), so the reason shows in
 * the build log and not only in the XML reports. Registered through
 * META-INF/services for every module that has the core's test-jar on its test classpath.
 */
public final class SkipReasons implements TestExecutionListener {
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            print(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private void print(TestIdentifier test, String reason) {
        String where = plan == null ? "" : plan.getParent(test).map(TestIdentifier::getDisplayName)
                .map(p -> p + " > ").orElse("");
        System.out.println("SKIPPED " + where + test.getDisplayName() + ": " + reason);
        System.out.flush();
    }
}
