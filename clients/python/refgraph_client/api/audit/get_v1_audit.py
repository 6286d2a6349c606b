from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.audit_event_page import AuditEventPage
from ...models.error import Error
from ...models.get_v1_audit_action_type_1 import GetV1AuditActionType1
from ...models.get_v1_audit_action_type_2_type_1 import GetV1AuditActionType2Type1
from ...models.get_v1_audit_action_type_3_type_1 import GetV1AuditActionType3Type1
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    action: GetV1AuditActionType1 | GetV1AuditActionType2Type1 | GetV1AuditActionType3Type1 | None | Unset = UNSET,
    subject_id: None | str | Unset = UNSET,
    actor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    elif isinstance(action, GetV1AuditActionType1):
        json_action = action.value
    elif isinstance(action, GetV1AuditActionType2Type1):
        json_action = action.value
    elif isinstance(action, GetV1AuditActionType3Type1):
        json_action = action.value
    else:
        json_action = action
    params["action"] = json_action

    json_subject_id: None | str | Unset
    if isinstance(subject_id, Unset):
        json_subject_id = UNSET
    else:
        json_subject_id = subject_id
    params["subject_id"] = json_subject_id

    json_actor: None | str | Unset
    if isinstance(actor, Unset):
        json_actor = UNSET
    else:
        json_actor = actor
    params["actor"] = json_actor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditEventPage | Error:
    if response.status_code == 200:
        response_200 = AuditEventPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditEventPage | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    action: GetV1AuditActionType1 | GetV1AuditActionType2Type1 | GetV1AuditActionType3Type1 | None | Unset = UNSET,
    subject_id: None | str | Unset = UNSET,
    actor: None | str | Unset = UNSET,

) -> Response[AuditEventPage | Error]:
    """ Operator actions, newest first, filtered by action, subject or actor

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        action (GetV1AuditActionType1 | GetV1AuditActionType2Type1 | GetV1AuditActionType3Type1 |
            None | Unset):
        subject_id (None | str | Unset):
        actor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventPage | Error]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
action=action,
subject_id=subject_id,
actor=actor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    action: GetV1AuditActionType1 | GetV1AuditActionType2Type1 | GetV1AuditActionType3Type1 | None | Unset = UNSET,
    subject_id: None | str | Unset = UNSET,
    actor: None | str | Unset = UNSET,

) -> AuditEventPage | Error | None:
    """ Operator actions, newest first, filtered by action, subject or actor

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        action (GetV1AuditActionType1 | GetV1AuditActionType2Type1 | GetV1AuditActionType3Type1 |
            None | Unset):
        subject_id (None | str | Unset):
        actor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventPage | Error
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
action=action,
subject_id=subject_id,
actor=actor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    action: GetV1AuditActionType1 | GetV1AuditActionType2Type1 | GetV1AuditActionType3Type1 | None | Unset = UNSET,
    subject_id: None | str | Unset = UNSET,
    actor: None | str | Unset = UNSET,

) -> Response[AuditEventPage | Error]:
    """ Operator actions, newest first, filtered by action, subject or actor

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        action (GetV1AuditActionType1 | GetV1AuditActionType2Type1 | GetV1AuditActionType3Type1 |
            None | Unset):
        subject_id (None | str | Unset):
        actor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventPage | Error]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
action=action,
subject_id=subject_id,
actor=actor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    action: GetV1AuditActionType1 | GetV1AuditActionType2Type1 | GetV1AuditActionType3Type1 | None | Unset = UNSET,
    subject_id: None | str | Unset = UNSET,
    actor: None | str | Unset = UNSET,

) -> AuditEventPage | Error | None:
    """ Operator actions, newest first, filtered by action, subject or actor

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        action (GetV1AuditActionType1 | GetV1AuditActionType2Type1 | GetV1AuditActionType3Type1 |
            None | Unset):
        subject_id (None | str | Unset):
        actor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventPage | Error
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
action=action,
subject_id=subject_id,
actor=actor,

    )).parsed
