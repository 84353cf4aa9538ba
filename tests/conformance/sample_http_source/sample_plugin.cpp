#include "sample_connector.hpp"

#ifdef SAMPLE_HTTP_SOURCE_BROKEN
CRMSYNC_CONNECTOR(crmsync::conformance::sample::SampleConnector, "sample_http_source_broken", "1.0.0",
                  "The sample HTTP source with a paging bug, to prove the conformance suite catches it")
#else
CRMSYNC_CONNECTOR(crmsync::conformance::sample::SampleConnector, "sample_http_source", "1.0.0",
                  "A small OAuth2 HTTP source the conformance suite is developed against")
#endif
