"""Evidence: probes (files under probes/) run on real framework releases, and what their results show.

- probes.py: reading a probe's header;
- environments.py: a cached virtual environment per release, Python and requirements;
- harness.py: runs one probe inside such an environment (standard library only);
- collector.py: runs probes, records Evidence, opens Disagreements, bisects "since";
- examples.py: the generated probes of the site's code examples;
- checks.py: the result readers see for a cell on the release shown.
"""
