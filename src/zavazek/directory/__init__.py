"""The directory of services (``data/services.yaml``) beyond the model: opening
times, open-data exports and the region map. No MkDocs import here, so the
pieces can be used and tested without a site build.
"""
