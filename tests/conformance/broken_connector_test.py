"""The conformance suite must flag a connector that loses records.

Runs conformance_tests against sample_http_source/broken.yaml (the sample
source built with a paging bug that drops the last record of every full page)
and checks that the properties about completeness fail, naming the missing
records, while a property the bug does not touch still passes.
"""

import os
import pathlib
import subprocess
import unittest

HERE = pathlib.Path(__file__).resolve().parent


class BrokenConnectorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        environment = dict(os.environ)
        environment["CRMSYNC_CONFORMANCE_DESCRIPTORS"] = str(HERE / "sample_http_source" / "broken.yaml")
        cls.run_result = subprocess.run(
            [os.environ["CONFORMANCE_TESTS"],
             "--gtest_filter=Connectors/ConformanceTest.TwoFullReadsGiveTheSameRecords/*"
             ":Connectors/ConformanceTest.ResumingFromEveryCheckpointLosesNothing/*"
             ":Connectors/ConformanceTest.ACursorInTheFarFutureYieldsNothing/*"],
            env=environment, capture_output=True, text=True, timeout=300)
        cls.output = cls.run_result.stdout + cls.run_result.stderr

    def test_the_suite_run_fails(self):
        self.assertNotEqual(self.run_result.returncode, 0, self.output)

    def test_a_full_read_is_reported_incomplete_with_the_missing_ids(self):
        self.assertIn("[  FAILED  ] Connectors/ConformanceTest.TwoFullReadsGiveTheSameRecords/broken", self.output)
        self.assertIn("a full read missed records the source holds: C", self.output)

    def test_resuming_from_checkpoints_is_reported_lossy(self):
        self.assertIn("[  FAILED  ] Connectors/ConformanceTest.ResumingFromEveryCheckpointLosesNothing/broken",
                      self.output)
        self.assertIn("resuming never delivers", self.output)

    def test_a_property_the_bug_does_not_touch_still_passes(self):
        self.assertIn("[       OK ] Connectors/ConformanceTest.ACursorInTheFarFutureYieldsNothing/broken", self.output)


if __name__ == "__main__":
    unittest.main()
