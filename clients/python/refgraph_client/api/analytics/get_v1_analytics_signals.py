from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.get_v1_analytics_signals_kind_type_1 import GetV1AnalyticsSignalsKindType1
from ...models.get_v1_analytics_signals_kind_type_2_type_1 import GetV1AnalyticsSignalsKindType2Type1
from ...models.get_v1_analytics_signals_kind_type_3_type_1 import GetV1AnalyticsSignalsKindType3Type1
from ...models.signal_page import SignalPage
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    kind: GetV1AnalyticsSignalsKindType1 | GetV1AnalyticsSignalsKindType2Type1 | GetV1AnalyticsSignalsKindType3Type1 | None | Unset = UNSET,
    user_id: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, GetV1AnalyticsSignalsKindType1):
        json_kind = kind.value
    elif isinstance(kind, GetV1AnalyticsSignalsKindType2Type1):
        json_kind = kind.value
    elif isinstance(kind, GetV1AnalyticsSignalsKindType3Type1):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_user_id: None | str | Unset
    if isinstance(user_id, Unset):
        json_user_id = UNSET
    else:
        json_user_id = user_id
    params["user_id"] = json_user_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/analytics/signals",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | SignalPage:
    if response.status_code == 200:
        response_200 = SignalPage.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | SignalPage]:
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
    kind: GetV1AnalyticsSignalsKindType1 | GetV1AnalyticsSignalsKindType2Type1 | GetV1AnalyticsSignalsKindType3Type1 | None | Unset = UNSET,
    user_id: None | str | Unset = UNSET,

) -> Response[Error | SignalPage]:
    """ Fraud signals of the latest analytics, with their evidence

     A signal changes nothing by itself; suspending the user
    (PUT /v1/users/{id}/status) holds their pending rewards.

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        kind (GetV1AnalyticsSignalsKindType1 | GetV1AnalyticsSignalsKindType2Type1 |
            GetV1AnalyticsSignalsKindType3Type1 | None | Unset):
        user_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SignalPage]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
kind=kind,
user_id=user_id,

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
    kind: GetV1AnalyticsSignalsKindType1 | GetV1AnalyticsSignalsKindType2Type1 | GetV1AnalyticsSignalsKindType3Type1 | None | Unset = UNSET,
    user_id: None | str | Unset = UNSET,

) -> Error | SignalPage | None:
    """ Fraud signals of the latest analytics, with their evidence

     A signal changes nothing by itself; suspending the user
    (PUT /v1/users/{id}/status) holds their pending rewards.

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        kind (GetV1AnalyticsSignalsKindType1 | GetV1AnalyticsSignalsKindType2Type1 |
            GetV1AnalyticsSignalsKindType3Type1 | None | Unset):
        user_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SignalPage
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
kind=kind,
user_id=user_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    kind: GetV1AnalyticsSignalsKindType1 | GetV1AnalyticsSignalsKindType2Type1 | GetV1AnalyticsSignalsKindType3Type1 | None | Unset = UNSET,
    user_id: None | str | Unset = UNSET,

) -> Response[Error | SignalPage]:
    """ Fraud signals of the latest analytics, with their evidence

     A signal changes nothing by itself; suspending the user
    (PUT /v1/users/{id}/status) holds their pending rewards.

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        kind (GetV1AnalyticsSignalsKindType1 | GetV1AnalyticsSignalsKindType2Type1 |
            GetV1AnalyticsSignalsKindType3Type1 | None | Unset):
        user_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SignalPage]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
kind=kind,
user_id=user_id,

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
    kind: GetV1AnalyticsSignalsKindType1 | GetV1AnalyticsSignalsKindType2Type1 | GetV1AnalyticsSignalsKindType3Type1 | None | Unset = UNSET,
    user_id: None | str | Unset = UNSET,

) -> Error | SignalPage | None:
    """ Fraud signals of the latest analytics, with their evidence

     A signal changes nothing by itself; suspending the user
    (PUT /v1/users/{id}/status) holds their pending rewards.

    Args:
        limit (int | Unset):  Default: 50. Example: 50.
        cursor (None | str | Unset):
        kind (GetV1AnalyticsSignalsKindType1 | GetV1AnalyticsSignalsKindType2Type1 |
            GetV1AnalyticsSignalsKindType3Type1 | None | Unset):
        user_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SignalPage
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
kind=kind,
user_id=user_id,

    )).parsed
