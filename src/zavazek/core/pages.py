"""The pages of a provider's site, by what they are.

The checks link their evidence to these, the site map (:mod:`zavazek.site.sitemap`)
gives each its address; no address is written here.
"""

HOME = "home"
COMMITMENT = "commitment"
GOALS = "goals"
CENTRES = "centres"
POSTERS = "posters"
DIRECTORY = "directory"
ACCESSIBILITY = "accessibility"
PRIVACY = "privacy"
CHECKLIST = "checklist"
SEARCH = "search"
