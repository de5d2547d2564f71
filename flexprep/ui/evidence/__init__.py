"""The Endorsements & evidence tab: ranked lists, editors, the metrics chart, research."""
