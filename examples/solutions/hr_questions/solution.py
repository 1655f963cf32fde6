"""HR round: eight questions. Replace every __ with your answer, written out in full.

`story(situation=..., task=..., action=..., result=...)` takes a STAR story:
four parts of at least 8 words each, 60 to 400 words in all. `answer(...)`
takes a free answer of 40 to 300 words. Only the form is checked: the content
is yours. Run `pytest --kata -k hr_questions` to see which card is next.
"""
from pytest_kata import __
# Worked sample answers of an invented backend developer. Brightgrid, the company
# they talk about, is imaginary: write about the real company you apply to.


def card_about_yourself(answer):
    """Who you are at work now, what you are proud of, where you are heading."""
    answer(
        "I am a backend developer with three years of experience, mostly in Python. In my "
        "current job I build and run the APIs behind a delivery-tracking app: Django services "
        "on PostgreSQL, shipped in Docker containers to a Kubernetes cluster. I enjoy the work "
        "users never see but always feel, such as turning a report that took minutes into one "
        "that answers in seconds, or making every deployment easy to roll back. In my spare "
        "time I maintain a small open-source library for parsing opening hours, which taught me "
        "to write documentation people actually read. I am now looking for a team with larger "
        "systems and real traffic, where I can grow towards designing services from end to end."
    )


def card_strengths(answer):
    """Two or three strengths that matter for this job, each with an example."""
    answer(
        "My first strength is that I stay with a problem until I understand its cause instead "
        "of patching the symptom. Last year our order service slowed down every Monday morning; "
        "rather than adding servers, I traced it to a missing index and a weekly report that "
        "locked a busy table, and fixing both halved our response times. My second strength is "
        "clear written communication: before a large change I write a one-page design note, so "
        "reviewers and the operations team know what is coming and can object early. I am also "
        "at ease across the whole backend, from SQL and Python to containers and monitoring "
        "dashboards."
    )


def card_why_this_company(answer):
    """What draws you to this company in particular."""
    answer(
        "I want to join Brightgrid because your product turns raw data into decisions people "
        "can act on, and that is the kind of backend work I want to do. Thousands of meters "
        "send readings every few seconds, and they have to be ingested, stored as time series "
        "and shown on dashboards that stay fast as the data grows: those are exactly the "
        "problems I have been practising on. I also liked your engineering article about moving "
        "to an event-driven design, because it explained the trade-offs honestly. Finally, in a "
        "team of your size a backend developer can own a service from design to production, and "
        "I learn best with that kind of responsibility."
    )


def card_weaknesses(story):
    """A real weakness, told as a story of how you are working on it."""
    story(situation=("In my first year as a backend developer I was asked to present our team's "
                     "new caching layer at a company-wide engineering meeting."),
          task=("I had to explain the design to about forty engineers, but speaking to large "
                "groups made me nervous and I tended to rush through my slides."),
          action=("I asked my lead to watch a rehearsal and give me honest feedback, wrote "
                  "short notes for each slide, and joined an internal speaking club where we "
                  "present to each other every two weeks."),
          result=("The talk went well and two other teams adopted the cache afterwards. "
                  "Speaking in public is still not my favourite task, so I now volunteer for "
                  "one demo every quarter to keep practising."))


def card_stress_and_pressure(story):
    """A time the pressure was on, and what you did about it."""
    story(situation=("Two days before a launch for our largest client, the payment service "
                     "started timing out in load tests, and the launch date could not move."),
          task=("I owned that service, so it was up to me to find the cause and ship a safe fix "
                "before the deadline without breaking anything else."),
          action=("First I wrote down what we knew and split the work: a colleague reproduced "
                  "the load on a test machine while I profiled the database calls. We found a "
                  "query that ran once for every item in the basket, replaced it with one "
                  "batched query, and added a test that fails if the number of queries per "
                  "request grows again. I sent the product manager a short status note every "
                  "few hours, so that nobody needed to interrupt us."),
          result=("We shipped the fix a day early, the launch went smoothly, and response times "
                  "under load fell from four seconds to under three hundred milliseconds. I "
                  "learned that a written plan and regular updates stop pressure from turning "
                  "into panic."))


def card_alone_or_team(story):
    """Which way you work best, shown with a project where you did both."""
    story(situation=("At my last job we rebuilt the feature that lets customers export their "
                     "data, with three backend developers and one designer on the project."),
          task=("My part was the background job that builds large export files, which needed "
                "long hours of focus but also had to fit the API my teammates were designing."),
          action=("On the first day we agreed the interface together in a short meeting. Then I "
                  "worked on my own on the export job for most of the week, posting a progress "
                  "note every evening, and when I got stuck streaming files to object storage I "
                  "paired with a colleague for an afternoon."),
          result=("The feature shipped on time and handled exports ten times larger than the "
                  "old one. It showed me that I do my best focused work alone, while the team "
                  "matters most for agreeing on the design and for getting unstuck quickly."))


def card_failure(story):
    """A real failure of yours, and what you changed after it."""
    story(situation=("Early in my career I deployed, late on a Friday, a database migration "
                     "that added a column with a default value to our largest table."),
          task=("The migration locked the table for several minutes, so no order could be "
                "saved, and I had to bring the service back and own the mistake."),
          action=("With a teammate's help I rolled the release back, told my manager and the "
                  "support team plainly what had happened, and wrote a blameless incident "
                  "report. Then I changed our migration checklist: on large tables the new "
                  "column comes first, the backfill runs in small batches, and nothing risky is "
                  "deployed on a Friday afternoon."),
          result=("The outage lasted twelve minutes, and since the new checklist we have run "
                  "dozens of migrations without another lock. I learned to treat a failure as "
                  "information: admit it quickly, fix the process, and share what went wrong."))


def card_our_company(answer):
    """What you know about the company, and a question of your own."""
    answer(
        "From what I have read, Brightgrid makes smart energy meters and the software around "
        "them for homes and small shops. The devices measure consumption appliance by "
        "appliance, and the app shows customers where their money goes and suggests ways to "
        "save. You started with households and last year added a product for offices. Your job "
        "posting mentions Python services, PostgreSQL and a message queue for device readings, "
        "so I expect much of the backend work is about ingesting many small events reliably. I "
        "would like to know how you handle meters that go offline and send their readings hours "
        "late."
    )
